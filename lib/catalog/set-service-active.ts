import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { services } from "../db";
import { AppError, parseInput } from "../errors";
import { changingCatalog } from "./catalog";

const activeInput = z.object({ id: z.number().int().positive(), active: z.boolean() });

/** Deactivating hides a service from the voice agent and availability; its appointments stay untouched. */
export async function setServiceActive({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof activeInput>;
}): Promise<{ id: number; name: string; active: boolean }> {
  const { id, active } = parseInput(activeInput, input);
  const [row] = await changingCatalog(ctx, () =>
    ctx.db
      .update(services)
      .set({ active })
      .where(and(eq(services.companyId, ctx.company.id), eq(services.id, id)))
      .returning({ id: services.id, name: services.name, active: services.active }),
  );
  if (!row) throw new AppError("NOT_FOUND", "Leistung nicht gefunden", { serviceId: id });
  return row;
}

import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { services } from "../db";
import { AppError, parseInput } from "../errors";
import { type ServiceInput, serviceInput } from "./service-input";
import { assertAssignableStaff, assertUniqueName, mapWriteError, serviceColumns, writeChildren } from "./write-service";
import { changingCatalog } from "./catalog";

const updateInput = z.object({ id: z.number().int().positive(), service: serviceInput });

/**
 * Saves a service and replaces its segments in one transaction. Booked appointments keep their
 * phases: they are copies taken at booking time.
 */
export async function updateService({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: number; service: ServiceInput };
}): Promise<{ id: number; name: string }> {
  const { id, service: data } = parseInput(updateInput, input);
  try {
    return await changingCatalog(ctx, () =>
      ctx.db.transaction(async (tx) => {
        const [current] = await tx
          .select({ id: services.id })
          .from(services)
          .where(and(eq(services.companyId, ctx.company.id), eq(services.id, id)))
          .for("update");
        if (!current) throw new AppError("NOT_FOUND", "Leistung nicht gefunden", { serviceId: id });
        await assertUniqueName(tx, ctx.company.id, data.name, id);
        await assertAssignableStaff(tx, ctx.company.id, data.staffIds);
        await tx.update(services).set(serviceColumns(data)).where(eq(services.id, id));
        await writeChildren(tx, ctx.company.id, id, data);
        return { id, name: data.name };
      }),
    );
  } catch (error) {
    throw mapWriteError(error, data.name);
  }
}

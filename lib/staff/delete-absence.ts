import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { changingCatalog } from "../catalog";
import type { Ctx } from "../context";
import { staffAbsences } from "../db";
import { AppError, parseInput } from "../errors";

const deleteInput = z.object({ id: z.coerce.number().int().positive() });

/** The stylist is bookable in that time again. Follow-up flags stay: the salon may already have called. */
export async function deleteAbsence({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof deleteInput>;
}): Promise<{ id: number; staffId: string }> {
  const { id } = parseInput(deleteInput, input);
  const [row] = await changingCatalog(ctx, () =>
    ctx.db
      .delete(staffAbsences)
      .where(and(eq(staffAbsences.companyId, ctx.company.id), eq(staffAbsences.id, id)))
      .returning({ id: staffAbsences.id, staffId: staffAbsences.staffId }),
  );
  if (!row) throw new AppError("NOT_FOUND", "Abwesenheit nicht gefunden", { id });
  return { id: Number(row.id), staffId: row.staffId };
}

import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { salonSpecialDays } from "../db";
import { notFound, parseInput } from "../errors";
import { forgetSalonCalendar } from "./salon-calendar";

export const deleteSpecialDayInput = z.object({ id: z.number().int().positive() });

/** Removes a special day of the signed-in company: that date has its weekly (or holiday) hours again. */
export async function deleteSpecialDay({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof deleteSpecialDayInput>;
}): Promise<void> {
  const { id } = parseInput(deleteSpecialDayInput, input);
  try {
    const deleted = await ctx.db
      .delete(salonSpecialDays)
      .where(and(eq(salonSpecialDays.companyId, ctx.company.id), eq(salonSpecialDays.id, id)))
      .returning({ id: salonSpecialDays.id });
    if (deleted.length === 0) throw notFound("Sondertag", { id });
  } finally {
    forgetSalonCalendar(ctx.company.id);
  }
}

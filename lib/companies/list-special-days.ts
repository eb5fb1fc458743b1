import { and, asc, eq, gte } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { salonSpecialDays } from "../db";
import { parseInput } from "../errors";
import { localDate, serverNow } from "../time";
import type { SpecialDay } from "./salon-calendar";

export const listSpecialDaysInput = z.object({
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

/** The company's special days from `from` (default: today in the salon), by date. */
export async function listSpecialDays({
  ctx,
  input = {},
}: {
  ctx: Ctx;
  input?: z.input<typeof listSpecialDaysInput>;
}): Promise<SpecialDay[]> {
  const from = parseInput(listSpecialDaysInput, input).from ?? localDate(serverNow(), ctx.company.timeZone);
  return ctx.db
    .select({
      id: salonSpecialDays.id,
      day: salonSpecialDays.day,
      hours: salonSpecialDays.hours,
      reason: salonSpecialDays.reason,
    })
    .from(salonSpecialDays)
    .where(and(eq(salonSpecialDays.companyId, ctx.company.id), gte(salonSpecialDays.day, from)))
    .orderBy(asc(salonSpecialDays.day));
}

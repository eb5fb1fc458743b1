import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Company, Ctx } from "../context";
import { companies } from "../db";
import { notFound, parseInput } from "../errors";
import { addDays, type LocalDate } from "../time";
import { type PublicHoliday, publicHolidays, STATE_CODES } from "./holidays";

export const updateHolidaysInput = z.object({
  /** null: no Bundesland chosen, no public holiday closes the salon. */
  state: z.enum(STATE_CODES, { error: "Bitte wählen Sie ein Bundesland." }).nullable(),
  /** date-holidays rules ("12-26", "easter 60") of the holidays the salon opens on anyway. */
  openOnHolidays: z.array(z.string().min(1).max(60)).max(40).default([]),
});

/** Sets the salon's Bundesland and the public holidays it opens on anyway (its weekly hours then apply). */
export async function updateHolidays({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof updateHolidaysInput>;
}): Promise<void> {
  const { state, openOnHolidays } = parseInput(updateHolidaysInput, input);
  const updated = await ctx.db
    .update(companies)
    .set({ state, openOnHolidays: [...new Set(openOnHolidays)].sort() })
    .where(eq(companies.id, ctx.company.id))
    .returning({ id: companies.id });
  if (updated.length === 0) throw notFound("Salon");
}

export type HolidayAhead = PublicHoliday & { open: boolean };

/** The public holidays of the salon's state in the year from `from` on, each with whether the salon opens. */
export function holidaysAhead(company: Pick<Company, "state" | "openOnHolidays">, from: LocalDate): HolidayAhead[] {
  const until = addDays(from, 365);
  const year = Number(from.slice(0, 4));
  return [...publicHolidays(company.state, year), ...publicHolidays(company.state, year + 1)]
    .filter((h) => h.date >= from && h.date < until)
    .map((h) => ({ ...h, open: company.openOnHolidays.includes(h.rule) }));
}

import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { companies, type OpeningHours } from "../db";
import { notFound, parseInput } from "../errors";
import { minutesOfDay, WEEKDAY_NAMES_DE } from "./opening-hours";

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;

const byOpen = (a: { open: string }, b: { open: string }) => a.open.localeCompare(b.open);
const day = z.array(z.object({ open: z.string(), close: z.string() }), {
  error: "Bitte geben Sie für jeden Wochentag die Öffnungszeiten an.",
});

/** ISO weekday → intervals; every weekday must be present, a closed day is an empty array. */
export const updateOpeningHoursInput = z
  .object({ openingHours: z.record(z.enum(WEEKDAYS), day) })
  .superRefine(({ openingHours }, issue) => {
    WEEKDAYS.forEach((weekday, index) => {
      const name = WEEKDAY_NAMES_DE[index];
      let previousClose = -1;
      [...openingHours[weekday]].sort(byOpen).forEach((interval) => {
        const path = ["openingHours", weekday];
        if (!HHMM.test(interval.open) || !HHMM.test(interval.close)) {
          issue.addIssue({
            code: "custom",
            path,
            message: `${name}: Bitte geben Sie die Uhrzeiten im Format HH:MM an, z. B. 09:00.`,
          });
        } else if (interval.close <= interval.open) {
          issue.addIssue({
            code: "custom",
            path,
            message: `${name}: Die Schließzeit muss nach der Öffnungszeit liegen.`,
          });
        } else if (minutesOfDay(interval.open) < previousClose) {
          issue.addIssue({ code: "custom", path, message: `${name}: Die Öffnungszeiten überschneiden sich.` });
        } else {
          previousClose = minutesOfDay(interval.close);
        }
      });
    });
  });

/** Replaces the weekly opening hours of the signed-in company. */
export async function updateOpeningHours({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof updateOpeningHoursInput>;
}): Promise<void> {
  const { openingHours } = parseInput(updateOpeningHoursInput, input);
  const sorted: OpeningHours = Object.fromEntries(WEEKDAYS.map((d) => [d, [...openingHours[d]].sort(byOpen)]));
  const updated = await ctx.db
    .update(companies)
    .set({ openingHours: sorted })
    .where(eq(companies.id, ctx.company.id))
    .returning({ id: companies.id });
  if (updated.length === 0) throw notFound("Salon");
}

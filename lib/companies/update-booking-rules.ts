import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { companies } from "../db";
import { notFound, parseInput } from "../errors";

export const SLOT_GRID_OPTIONS = [5, 10, 15, 20, 30, 60] as const;

const GRID_MESSAGE = "Terminraster: Bitte wählen Sie 5, 10, 15, 20, 30 oder 60 Minuten.";
const HOLD_MESSAGE = "Reservierungsdauer: Bitte geben Sie eine ganze Zahl von 1 bis 30 Minuten an.";

export const updateBookingRulesInput = z.object({
  slotGridMinutes: z
    .number({ error: GRID_MESSAGE })
    .refine((v) => (SLOT_GRID_OPTIONS as readonly number[]).includes(v), GRID_MESSAGE),
  holdMinutes: z.number({ error: HOLD_MESSAGE }).int(HOLD_MESSAGE).min(1, HOLD_MESSAGE).max(30, HOLD_MESSAGE),
  allowGapBooking: z.boolean({ error: "Bitte geben Sie an, ob Buchungen in Einwirkzeiten erlaubt sind." }),
});

/** Slot grid, how long an offered slot is held for a caller, and booking into processing gaps. */
export async function updateBookingRules({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof updateBookingRulesInput>;
}): Promise<void> {
  const values = parseInput(updateBookingRulesInput, input);
  const updated = await ctx.db
    .update(companies)
    .set(values)
    .where(eq(companies.id, ctx.company.id))
    .returning({ id: companies.id });
  if (updated.length === 0) throw notFound("Salon");
}

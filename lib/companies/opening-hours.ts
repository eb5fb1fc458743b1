import { z } from "zod";
import type { OpeningHours } from "../db";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Uhrzeit im Format HH:MM");

const interval = z
  .object({ open: hhmm, close: hhmm })
  .refine((i) => i.close > i.open, "Schließzeit muss nach der Öffnungszeit liegen");

export const openingHoursSchema = z.record(z.enum(["1", "2", "3", "4", "5", "6", "7"]), z.array(interval));

export { WEEKDAY_NAMES_DE } from "../time";

export function parseOpeningHours(value: unknown): OpeningHours {
  return openingHoursSchema.parse(value) as OpeningHours;
}

/** "09:00" → minutes after midnight. */
export function minutesOfDay(hhmmValue: string): number {
  const [h, m] = hhmmValue.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

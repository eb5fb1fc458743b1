import { z } from "zod";
import { addDays, daysBetween } from "../time";
import { minutesOfDay } from "./opening-hours";

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Bitte geben Sie ein Datum an.");
/** Betriebsurlaub of a few weeks fits; a typo of a year does not write 365 rows. */
export const MAX_SPECIAL_DAYS = 62;

const interval = z.object({ open: z.string(), close: z.string() });

/** One or several days (from–to) with the same special hours; no hours = closed all day. */
export const saveSpecialDaysInput = z
  .object({
    from: date,
    to: date.optional(),
    hours: z.array(interval).default([]),
    reason: z
      .string()
      .trim()
      .max(80, "Der Grund darf höchstens 80 Zeichen lang sein.")
      .transform((r) => r || null)
      .nullable()
      .default(null),
    /** The admin has seen the appointments the change affects: save and mark them for a call. */
    confirm: z.boolean().default(false),
  })
  .superRefine((v, issue) => {
    const span = daysBetween(v.from, v.to ?? v.from);
    if (span < 0) issue.addIssue({ code: "custom", path: ["to"], message: "Das Bis-Datum liegt vor dem Von-Datum." });
    else if (span >= MAX_SPECIAL_DAYS)
      issue.addIssue({ code: "custom", path: ["to"], message: `Höchstens ${MAX_SPECIAL_DAYS} Tage auf einmal.` });
    let previousClose = -1;
    [...v.hours]
      .sort((a, b) => a.open.localeCompare(b.open))
      .forEach((i) => {
        if (!HHMM.test(i.open) || !HHMM.test(i.close))
          issue.addIssue({ code: "custom", path: ["hours"], message: "Bitte Uhrzeiten im Format HH:MM angeben." });
        else if (i.close <= i.open)
          issue.addIssue({
            code: "custom",
            path: ["hours"],
            message: "Die Schließzeit muss nach der Öffnungszeit liegen.",
          });
        else if (minutesOfDay(i.open) < previousClose)
          issue.addIssue({ code: "custom", path: ["hours"], message: "Die Öffnungszeiten überschneiden sich." });
        else previousClose = minutesOfDay(i.close);
      });
  })
  .transform((v) => ({
    ...v,
    hours: [...v.hours].sort((a, b) => a.open.localeCompare(b.open)),
    days: Array.from({ length: daysBetween(v.from, v.to ?? v.from) + 1 }, (_, i) => addDays(v.from, i)),
  }));

export type SaveSpecialDaysInput = z.input<typeof saveSpecialDaysInput>;

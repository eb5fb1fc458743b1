import { z } from "zod";
import { WEEKDAY_NAMES_DE } from "../companies";

/** Shared by the staff forms, their server actions and the verbs. */
const optionalText = (schema: z.ZodType<string, string>) =>
  z
    .string()
    .nullish()
    .transform((v) => (v ?? "").trim() || null)
    .pipe(schema.nullable());

export const hhmm = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Uhrzeit bitte als HH:MM angeben, z. B. 09:00");

export const staffProfileInput = z.object({
  name: z.string().trim().min(1, "Name fehlt").max(120, "Name ist zu lang"),
  email: optionalText(z.email("Bitte eine gültige E-Mail-Adresse angeben, z. B. emma@salon.de").max(200)),
  phone: optionalText(
    z.string().regex(/^\+?[0-9 ()/-]{5,30}$/, "Telefonnummer bitte nur aus Ziffern, Leerzeichen, +, -, / und ()"),
  ),
  color: optionalText(
    z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, "Farbe bitte als #rrggbb angeben, z. B. #7c3aed")
      .transform((c) => c.toLowerCase()),
  ),
  calcomUserId: z
    .union([z.number(), z.string()])
    .nullish()
    .transform((v) => (v === null || v === undefined || String(v).trim() === "" ? null : Number(String(v).trim())))
    .pipe(
      z
        .number({ error: "Cal.com-Nutzer-ID bitte als Zahl angeben" })
        .int("Cal.com-Nutzer-ID bitte als ganze Zahl angeben")
        .positive("Cal.com-Nutzer-ID bitte als positive Zahl angeben")
        .nullable(),
    ),
  calcomUsername: optionalText(
    z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, "Cal.com-Benutzername nur aus Buchstaben, Ziffern, . _ und -"),
  ),
});

export const workingRange = z
  .object({ weekday: z.coerce.number().int().min(1).max(7), start: hhmm, end: hhmm })
  .superRefine((r, ctx) => {
    if (r.end <= r.start)
      ctx.addIssue({
        code: "custom",
        path: ["end"],
        message: `${WEEKDAY_NAMES_DE[r.weekday - 1]} ${r.start}–${r.end}: Ende muss nach dem Beginn liegen`,
      });
  });

/** Several ranges per weekday (a break between them); ranges of one day must not overlap. */
export const workingHours = z.array(workingRange).superRefine((ranges, ctx) => {
  for (let weekday = 1; weekday <= 7; weekday++) {
    const day = ranges.filter((r) => r.weekday === weekday).sort((a, b) => a.start.localeCompare(b.start));
    for (let i = 1; i < day.length; i++) {
      if (day[i]!.start < day[i - 1]!.end)
        ctx.addIssue({
          code: "custom",
          message: `${WEEKDAY_NAMES_DE[weekday - 1]}: ${day[i - 1]!.start}–${day[i - 1]!.end} und ${day[i]!.start}–${day[i]!.end} überschneiden sich`,
        });
    }
  }
});

export const serviceIds = z
  .array(z.coerce.number().int("Unbekannte Leistung").positive("Unbekannte Leistung"))
  .default([])
  .transform((ids) => [...new Set(ids)]);

export const createStaffInput = staffProfileInput.extend({ serviceIds, hours: workingHours.default([]) });

export const staffId = z.string().uuid("Mitarbeiter nicht gefunden");

export type StaffProfileInput = z.input<typeof staffProfileInput>;
export type CreateStaffInput = z.input<typeof createStaffInput>;
export type WorkingRange = z.output<typeof workingRange>;

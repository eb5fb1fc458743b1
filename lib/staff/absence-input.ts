import { z } from "zod";
import { hhmm, staffId } from "./staff-input";

export const ABSENCE_KINDS = ["vacation", "sick", "training", "other"] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];
export const ABSENCE_KIND_DE: Record<AbsenceKind, string> = {
  vacation: "Urlaub",
  sick: "Krank",
  training: "Fortbildung",
  other: "Sonstiges",
};

const localDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Datum bitte als JJJJ-MM-TT angeben")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "Kein gültiges Datum");

const common = {
  staffId,
  kind: z.enum(ABSENCE_KINDS, { error: "Bitte Art der Abwesenheit wählen" }),
  note: z
    .string()
    .nullish()
    .transform((v) => (v ?? "").trim() || null)
    .pipe(z.string().max(500, "Notiz ist zu lang").nullable()),
  /** The admin has seen the affected appointments and saves anyway. */
  confirm: z.boolean().default(false),
};

/** Once: whole days (fromDate–toDate, both included) or from a date and time until a date and time. */
const once = z
  .object({
    ...common,
    repeat: z.literal("once"),
    allDay: z.boolean(),
    fromDate: localDate,
    toDate: localDate,
    fromTime: hhmm.optional(),
    toTime: hhmm.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.allDay) {
      if (v.toDate < v.fromDate)
        ctx.addIssue({ code: "custom", path: ["toDate"], message: "Der letzte Tag muss nach dem ersten liegen" });
      return;
    }
    if (!v.fromTime || !v.toTime) {
      ctx.addIssue({ code: "custom", path: ["fromTime"], message: "Bitte Beginn- und Enduhrzeit angeben" });
      return;
    }
    if (`${v.toDate}T${v.toTime}` <= `${v.fromDate}T${v.fromTime}`)
      ctx.addIssue({ code: "custom", path: ["toTime"], message: "Das Ende muss nach dem Beginn liegen" });
  });

/** Every week on one weekday ("jeden Mittwochnachmittag"), from a date on, open-ended or until a date. */
const weekly = z
  .object({
    ...common,
    repeat: z.literal("weekly"),
    allDay: z.boolean(),
    weekday: z.coerce.number().int().min(1, "Bitte Wochentag wählen").max(7, "Bitte Wochentag wählen"),
    startTime: hhmm.optional(),
    endTime: hhmm.optional(),
    validFrom: localDate,
    validUntil: z
      .string()
      .nullish()
      .transform((v) => (v ?? "").trim() || null)
      .pipe(localDate.nullable()),
  })
  .superRefine((v, ctx) => {
    if (v.validUntil && v.validUntil < v.validFrom)
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "„Bis“ muss nach „ab“ liegen" });
    if (v.allDay) return;
    if (!v.startTime || !v.endTime)
      ctx.addIssue({ code: "custom", path: ["startTime"], message: "Bitte Beginn- und Enduhrzeit angeben" });
    else if (v.endTime <= v.startTime)
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "Das Ende muss nach dem Beginn liegen" });
  });

export const absenceInput = z.discriminatedUnion("repeat", [once, weekly], {
  error: "Bitte „einmalig“ oder „jede Woche“ wählen",
});

export type AbsenceInput = z.input<typeof absenceInput>;
export type AbsenceData = z.output<typeof absenceInput>;

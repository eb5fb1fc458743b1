import { z } from "zod";
import { customerEmail, toE164 } from "@/lib/customers";

const empty = z.literal("").transform(() => undefined);

/** The posted "Neuer Termin" form: a free start, an existing customer or a new one's details, a note. */
export const newAppointmentSchema = z
  .object({
    key: z.string().uuid("Das Formular ist veraltet. Bitte die Seite neu laden."),
    serviceId: z.coerce
      .number<string>({ error: "Bitte eine Leistung wählen." })
      .int()
      .positive("Bitte eine Leistung wählen."),
    staffId: empty.or(z.string().uuid("Bitte einen Mitarbeiter wählen.")),
    start: z.string().datetime({ offset: true, message: "Bitte eine freie Uhrzeit wählen." }),
    customerId: empty.or(z.coerce.number<string>().int().positive("Bitte einen Kunden wählen.")),
    name: z.string().trim().max(200, "Der Name darf höchstens 200 Zeichen lang sein."),
    phone: z.string().trim().max(40, "Die Telefonnummer ist zu lang."),
    email: empty.or(customerEmail),
    note: z.string().trim().max(500, "Die Notiz darf höchstens 500 Zeichen lang sein."),
  })
  .superRefine((v, ctx) => {
    if (v.customerId) return;
    if (!v.name) ctx.addIssue({ code: "custom", path: ["name"], message: "Bitte den Namen des Kunden angeben." });
    if (v.phone && !toE164(v.phone))
      ctx.addIssue({ code: "custom", path: ["phone"], message: "Die Telefonnummer ist ungültig." });
  });

export type NewAppointmentValues = z.input<typeof newAppointmentSchema>;

export const FIELDS = ["key", "serviceId", "staffId", "start", "customerId", "name", "phone", "email", "note"] as const;

/** What the form posted, as strings: sent back with a refusal so nothing typed is lost. */
export const postedValues = (data: FormData): Record<(typeof FIELDS)[number], string> =>
  Object.fromEntries(FIELDS.map((f) => [f, typeof data.get(f) === "string" ? (data.get(f) as string) : ""])) as Record<
    (typeof FIELDS)[number],
    string
  >;

export type NewAppointmentState = {
  ok: boolean;
  message: string;
  sessionExpired?: boolean;
  appointmentId?: number;
  values?: Record<string, string>;
} | null;

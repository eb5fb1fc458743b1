import { z } from "zod";

/** LLM-filled arguments arrive as strings, numbers or null; anything else is treated as absent. */
export const text = z.preprocess(
  (v) => (typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() || undefined : undefined),
  z.string().max(500).optional(),
);

export const idArg = z.preprocess((v) => {
  const n = typeof v === "string" ? Number(v.replace(/\D/g, "")) : v;
  return typeof n === "number" && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}, z.number().int().positive().optional());

export const parseArgs = <S extends z.ZodObject>(schema: S, args: unknown): z.infer<S> => schema.parse(args ?? {});

const SPOKEN_DATE =
  "ISO (2025-11-28) oder wie gesprochen: „morgen“, „übermorgen“, „nächsten Dienstag“, „am 28. November“, „28.11.“";
const SPOKEN_TIME = "ISO (10:30) oder wie gesprochen: „zehn Uhr“, „halb elf“, „viertel nach zehn“, „um drei“";

/**
 * The same argument schemas with the German descriptions the agent's tool definitions carry
 * (lib/voice/agent). `.describe()` adds metadata only: validation is exactly that of `text`/`idArg`.
 */
export const described = {
  service: text.describe("Die gewünschte Dienstleistung in den Worten des Anrufers, z. B. „Herrenhaarschnitt“."),
  staff: text.describe("Gewünschte Friseurin oder gewünschter Friseur, nur wenn der Anrufer jemanden nennt."),
  date: text.describe(`Der gewünschte Tag, so wie der Anrufer ihn sagt – ${SPOKEN_DATE}. Nicht selbst umrechnen.`),
  time: text.describe(`Die gewünschte Uhrzeit, so wie der Anrufer sie sagt – ${SPOKEN_TIME}.`),
  customerName: text.describe("Vor- und Nachname des Anrufers, so wie er ihn genannt und bestätigt hat."),
  customerPhone: text.describe("Nur wenn der Anrufer ausdrücklich eine andere Rückrufnummer nennt."),
  customerEmail: text.describe("E-Mail-Adresse, nur wenn der Anrufer sie von sich aus nennt."),
  appointmentId: idArg.describe("Die appointment_id aus einer früheren Antwort dieses Gesprächs, sonst weglassen."),
  ownDate: text.describe(`Tag des bestehenden Termins – ${SPOKEN_DATE}.`),
  ownTime: text.describe(`Uhrzeit des bestehenden Termins – ${SPOKEN_TIME}.`),
  ownName: text.describe("Name, auf den der bestehende Termin gebucht ist (vor allem bei unterdrückter Nummer)."),
  newDate: text.describe(`Der neue Wunschtag – ${SPOKEN_DATE}.`),
  newTime: text.describe(`Die neue Wunschuhrzeit – ${SPOKEN_TIME}.`),
};

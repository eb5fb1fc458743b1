import { z } from "zod";

/** Shared by the service form, its server actions and the save verbs. */
export const durationMinutes = z.coerce
  .number({ error: "Dauer bitte in Minuten angeben" })
  .int("Dauer bitte in ganzen Minuten angeben")
  .min(5, "Dauer mindestens 5 Minuten")
  .max(480, "Dauer höchstens 480 Minuten (8 Stunden)")
  .refine((n) => n % 5 === 0, "Dauer bitte in 5-Minuten-Schritten (5, 10, 15 …)");

export const segmentInput = z.object({
  key: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9_]{1,12}$/, "Schlüssel nur aus A–Z, 0–9 und _ (höchstens 12 Zeichen), z. B. A oder GAP_1"),
  name: z.string().trim().min(1, "Name des Segments fehlt").max(120, "Name des Segments ist zu lang"),
  durationMinutes,
  staffRequired: z.boolean(),
});

/** "89,00", "89", "1.234,50 €" → cents; empty → no price. */
const priceCents = z
  .string()
  .nullable()
  .transform((raw, ctx) => {
    const text = (raw ?? "").replace(/€|\s/g, "");
    if (text === "") return null;
    const normal = text.includes(",") ? text.replace(/\./g, "").replace(",", ".") : text;
    if (!/^\d{1,6}(\.\d{1,2})?$/.test(normal)) {
      ctx.addIssue({ code: "custom", message: "Preis bitte als Betrag in Euro angeben, z. B. 89,00" });
      return z.NEVER;
    }
    return Math.round(Number(normal) * 100);
  });

/** "Herrenschnitt, herrenschnitt , Männerschnitt" → ["Herrenschnitt", "Männerschnitt"]. */
const synonyms = z.union([z.string(), z.array(z.string())]).transform((raw) => {
  const parts = (Array.isArray(raw) ? raw : raw.split(",")).map((s) => s.trim()).filter(Boolean);
  const seen = new Set<string>();
  return parts.filter((s) => !seen.has(s.toLowerCase()) && seen.add(s.toLowerCase()));
});

const common = {
  name: z.string().trim().min(1, "Name fehlt").max(120, "Name ist zu lang"),
  synonyms: synonyms.default([]),
  price: priceCents.optional(),
  active: z.boolean().default(true),
  staffIds: z
    .array(z.string().uuid("Unbekannter Mitarbeiter"))
    .default([])
    .transform((ids) => [...new Set(ids)]),
};

const simpleService = z.object({ ...common, composite: z.literal(false), durationMinutes });

const compositeService = z
  .object({
    ...common,
    composite: z.literal(true),
    segments: z.array(segmentInput).min(1, "Eine Kombi-Leistung braucht Segmente"),
  })
  .superRefine((value, ctx) => {
    const { segments } = value;
    if (!segments.some((s) => s.staffRequired))
      ctx.addIssue({
        code: "custom",
        path: ["segments"],
        message: "Mindestens ein Segment muss „Mitarbeiter nötig“ haben",
      });
    if (segments[0] && !segments[0].staffRequired)
      ctx.addIssue({
        code: "custom",
        path: ["segments"],
        message: "Eine Leistung kann nicht mit einer Einwirkzeit beginnen",
      });
    const last = segments.at(-1);
    if (segments.length > 1 && last && !last.staffRequired)
      ctx.addIssue({
        code: "custom",
        path: ["segments"],
        message: "Eine Leistung kann nicht mit einer Einwirkzeit enden",
      });
    const keys = segments.map((s) => s.key);
    for (const key of new Set(keys.filter((k, i) => keys.indexOf(k) !== i))) {
      ctx.addIssue({ code: "custom", path: ["segments"], message: `Schlüssel „${key}“ kommt mehrfach vor` });
    }
  });

export const serviceInput = z.discriminatedUnion("composite", [simpleService, compositeService], {
  error: "Bitte Standard oder Compound wählen",
});

export type ServiceInput = z.input<typeof serviceInput>;
export type ServiceData = z.output<typeof serviceInput>;
export type SegmentData = z.output<typeof segmentInput>;

const FIELDS: Record<string, string> = {
  name: "Name",
  synonyms: "Synonyme",
  price: "Preis",
  durationMinutes: "Dauer",
  staffIds: "Mitarbeiter",
};

/** VALIDATION issues ({ path: "segments.2.key" }) → "Segment 3: …" lines for the form. */
export function describeIssues(issues: { path: string; message: string }[]): string[] {
  return issues.map(({ path, message }) => {
    const segment = /^segments\.(\d+)/.exec(path);
    if (segment) return `Segment ${Number(segment[1]) + 1}: ${message}`;
    const field = FIELDS[path.split(".")[0] ?? ""];
    return field && !message.includes(field) ? `${field}: ${message}` : message;
  });
}

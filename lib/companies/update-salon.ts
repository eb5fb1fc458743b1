import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { companies } from "../db";
import { notFound, parseInput } from "../errors";

/** The IANA name for a zone ("europe/berlin" → "Europe/Berlin"), or null for anything else. */
export function canonicalTimeZone(value: string): string | null {
  try {
    const zone = new Intl.DateTimeFormat("de-DE", { timeZone: value }).resolvedOptions().timeZone;
    // Newer engines also accept offsets such as "+01:00"; the app needs a named zone with DST rules.
    return zone === "UTC" || Intl.supportedValuesOf("timeZone").includes(zone) ? zone : null;
  } catch {
    return null;
  }
}

const ADDRESS_MESSAGE =
  "Adresse: Bitte Straße, Hausnummer, PLZ und Ort in einer Zeile angeben, z. B. „Torstraße 112, 10119 Berlin“.";

/** Cal.com shows it as the in-person location of every event type; empty clears it. */
const address = z
  .string({ error: ADDRESS_MESSAGE })
  .trim()
  .max(300, "Adresse: höchstens 300 Zeichen.")
  .refine((v) => v === "" || (v.length >= 5 && /\p{L}/u.test(v) && /\d/.test(v)), ADDRESS_MESSAGE)
  .transform((v) => v.replace(/\s+/g, " ") || null);

export const updateSalonInput = z.object({
  name: z
    .string({ error: "Bitte geben Sie den Namen des Salons an." })
    .trim()
    .min(1, "Bitte geben Sie den Namen des Salons an.")
    .max(120, "Der Name des Salons darf höchstens 120 Zeichen lang sein."),
  timeZone: z.string({ error: "Bitte wählen Sie eine Zeitzone." }).transform((value, issue) => {
    const zone = canonicalTimeZone(value.trim());
    if (zone) return zone;
    issue.addIssue({
      code: "custom",
      message: `„${value}“ ist keine bekannte Zeitzone. Bitte wählen Sie eine Zeitzone wie Europe/Berlin.`,
    });
    return z.NEVER;
  }),
  /** Absent leaves the stored address as it is. */
  address: address.optional(),
});

/** Name, time zone and street address of the signed-in company. */
export async function updateSalon({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof updateSalonInput>;
}): Promise<void> {
  const values = parseInput(updateSalonInput, input);
  const updated = await ctx.db
    .update(companies)
    .set(values)
    .where(eq(companies.id, ctx.company.id))
    .returning({ id: companies.id });
  if (updated.length === 0) throw notFound("Salon");
}

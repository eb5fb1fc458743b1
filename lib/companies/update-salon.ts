import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { companies } from "../db/schema";
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

export const updateSalonInput = z.object({
  name: z
    .string({ error: "Bitte geben Sie den Namen des Salons an." })
    .trim()
    .min(1, "Bitte geben Sie den Namen des Salons an.")
    .max(120, "Der Name des Salons darf höchstens 120 Zeichen lang sein."),
  timeZone: z.string({ error: "Bitte wählen Sie eine Zeitzone." }).transform((value, issue) => {
    const zone = canonicalTimeZone(value.trim());
    if (zone) return zone;
    issue.addIssue({ code: "custom", message: `„${value}“ ist keine bekannte Zeitzone. Bitte wählen Sie eine Zeitzone wie Europe/Berlin.` });
    return z.NEVER;
  }),
});

/** Name and time zone of the signed-in company. */
export async function updateSalon({ ctx, input }: { ctx: Ctx; input: z.input<typeof updateSalonInput> }): Promise<void> {
  const values = parseInput(updateSalonInput, input);
  const updated = await ctx.db.update(companies).set(values).where(eq(companies.id, ctx.company.id)).returning({ id: companies.id });
  if (updated.length === 0) throw notFound("Salon");
}

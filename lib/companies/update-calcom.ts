import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { encryptSecret } from "../crypto/secrets";
import { companies } from "../db/schema";
import { notFound, parseInput } from "../errors";

const URL_MESSAGE = "API-URL: Bitte geben Sie eine https-Adresse an, z. B. https://api.cal.com/v2 (http nur für den Simulator auf 127.0.0.1 oder localhost).";
const TEAM_MESSAGE = "Team-ID: Bitte geben Sie eine positive ganze Zahl an oder lassen Sie das Feld leer.";

const apiBaseUrl = z
  .string({ error: URL_MESSAGE })
  .trim()
  .max(500, "Die API-URL darf höchstens 500 Zeichen lang sein.")
  .nullable()
  .transform((value, issue) => {
    if (!value) return null;
    const url = URL.canParse(value) ? new URL(value) : null;
    const local = url?.protocol === "http:" && ["127.0.0.1", "localhost"].includes(url.hostname);
    if (!url || !(url.protocol === "https:" || local) || url.username || url.password) {
      issue.addIssue({ code: "custom", message: URL_MESSAGE });
      return z.NEVER;
    }
    return value.replace(/\/+$/, "");
  });

/** A new secret replaces the stored one; empty keeps it; `remove…` clears it. */
const secret = (label: string) => z.string({ error: `${label}: Bitte als Text angeben.` }).trim().max(1000, `${label}: höchstens 1000 Zeichen.`).default("");

export const updateCalcomInput = z
  .object({
    apiBaseUrl,
    teamId: z.number({ error: TEAM_MESSAGE }).int(TEAM_MESSAGE).positive(TEAM_MESSAGE).max(2_147_483_647, TEAM_MESSAGE).nullable(),
    apiKey: secret("API-Key"),
    removeApiKey: z.boolean().default(false),
    webhookSecret: secret("Webhook-Secret"),
    removeWebhookSecret: z.boolean().default(false),
  })
  .superRefine((v, issue) => {
    if (v.apiKey && v.removeApiKey) {
      issue.addIssue({ code: "custom", path: ["apiKey"], message: "API-Key: Bitte entweder einen neuen Key eingeben oder „Entfernen“ ankreuzen – nicht beides." });
    }
    if (v.webhookSecret && v.removeWebhookSecret) {
      issue.addIssue({ code: "custom", path: ["webhookSecret"], message: "Webhook-Secret: Bitte entweder ein neues Secret eingeben oder „Entfernen“ ankreuzen – nicht beides." });
    }
  });

const nextSecret = (plain: string, remove: boolean) => (remove ? null : plain ? encryptSecret(plain) : undefined);

/** Cal.com connection of the signed-in company; secrets are stored only encrypted and never read back. */
export async function updateCalcom({ ctx, input }: { ctx: Ctx; input: z.input<typeof updateCalcomInput> }): Promise<void> {
  const v = parseInput(updateCalcomInput, input);
  const updated = await ctx.db
    .update(companies)
    .set({
      calcomApiBaseUrl: v.apiBaseUrl,
      calcomTeamId: v.teamId,
      // undefined leaves the column as it is
      calcomApiKeyEncrypted: nextSecret(v.apiKey, v.removeApiKey),
      calcomWebhookSecretEncrypted: nextSecret(v.webhookSecret, v.removeWebhookSecret),
    })
    .where(eq(companies.id, ctx.company.id))
    .returning({ id: companies.id });
  if (updated.length === 0) throw notFound("Salon");
}

import { domainToASCII } from "node:url";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { CALCOM_URL_MESSAGE, normaliseCalcomUrl } from "../calcom";
import { encryptSecret } from "../crypto";
import { env } from "../env";
import { companies } from "../db";
import { notFound, parseInput } from "../errors";

const TEAM_MESSAGE = "Team-ID: Bitte geben Sie eine positive ganze Zahl an oder lassen Sie das Feld leer.";

/** https on a public host; http and this machine only with the development setting CALCOM_ALLOW_PRIVATE_URLS. */
const apiBaseUrl = z
  .string({ error: CALCOM_URL_MESSAGE })
  .trim()
  .max(500, "Die API-URL darf höchstens 500 Zeichen lang sein.")
  .nullable()
  .transform((value, issue) => {
    if (!value) return null;
    const checked = normaliseCalcomUrl(value, { allowPrivate: env().CALCOM_ALLOW_PRIVATE_URLS });
    if (!checked.ok) {
      issue.addIssue({ code: "custom", message: checked.message });
      return z.NEVER;
    }
    return checked.url;
  });

const DOMAIN_MESSAGE =
  "Domain für Platzhalter-Adressen: Bitte einen Domainnamen wie „kunden.salon-demo.de“ angeben (ohne @ und " +
  "https://) oder das Feld leer lassen.";
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]+)$/;

/** A domain name (IDN as punycode), or null for "SlotDesk's default". */
const attendeeEmailDomain = z
  .string({ error: DOMAIN_MESSAGE })
  .trim()
  .max(253, DOMAIN_MESSAGE)
  .transform((value, issue) => {
    if (!value) return null;
    const ascii = /[\s@/:]/.test(value) ? "" : domainToASCII(value.toLowerCase().replace(/\.$/, ""));
    const labels = ascii.split(".");
    if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TOP_LEVEL.test(labels.at(-1)!)) {
      issue.addIssue({ code: "custom", message: DOMAIN_MESSAGE });
      return z.NEVER;
    }
    return ascii;
  });

/** A new secret replaces the stored one; empty keeps it; `remove…` clears it. */
const secret = (label: string) =>
  z
    .string({ error: `${label}: Bitte als Text angeben.` })
    .trim()
    .max(1000, `${label}: höchstens 1000 Zeichen.`)
    .default("");

export const updateCalcomInput = z
  .object({
    apiBaseUrl,
    teamId: z
      .number({ error: TEAM_MESSAGE })
      .int(TEAM_MESSAGE)
      .positive(TEAM_MESSAGE)
      .max(2_147_483_647, TEAM_MESSAGE)
      .nullable(),
    apiKey: secret("API-Key"),
    removeApiKey: z.boolean().default(false),
    webhookSecret: secret("Webhook-Secret"),
    removeWebhookSecret: z.boolean().default(false),
    /** Absent leaves the stored value as it is (both steer how bookings are sent, not the connection). */
    customerEmails: z.boolean().optional(),
    attendeeEmailDomain: attendeeEmailDomain.optional(),
  })
  .superRefine((v, issue) => {
    if (v.apiKey && v.removeApiKey) {
      issue.addIssue({
        code: "custom",
        path: ["apiKey"],
        message: "API-Key: Bitte entweder einen neuen Key eingeben oder „Entfernen“ ankreuzen – nicht beides.",
      });
    }
    if (v.webhookSecret && v.removeWebhookSecret) {
      issue.addIssue({
        code: "custom",
        path: ["webhookSecret"],
        message: "Webhook-Secret: Bitte entweder ein neues Secret eingeben oder „Entfernen“ ankreuzen – nicht beides.",
      });
    }
  });

const nextSecret = (plain: string, remove: boolean) => (remove ? null : plain ? encryptSecret(plain) : undefined);

/** Cal.com connection of the signed-in company; secrets are stored only encrypted and never read back. */
export async function updateCalcom({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof updateCalcomInput>;
}): Promise<void> {
  const v = parseInput(updateCalcomInput, input);
  const updated = await ctx.db
    .update(companies)
    .set({
      calcomApiBaseUrl: v.apiBaseUrl,
      calcomTeamId: v.teamId,
      // undefined leaves the column as it is
      calcomApiKeyEncrypted: nextSecret(v.apiKey, v.removeApiKey),
      calcomWebhookSecretEncrypted: nextSecret(v.webhookSecret, v.removeWebhookSecret),
      calcomCustomerEmails: v.customerEmails,
      calcomAttendeeEmailDomain: v.attendeeEmailDomain,
    })
    .where(eq(companies.id, ctx.company.id))
    .returning({ id: companies.id });
  if (updated.length === 0) throw notFound("Salon");
}

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getSettings } from "@/lib/companies/get-settings";
import { updateCalcom } from "@/lib/companies/update-calcom";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secrets";
import { getDb } from "@/lib/db/client";
import { companies } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { ctxFor, makeCompany } from "../../support/factories";

const rowOf = async (id: string) => (await getDb().select().from(companies).where(eq(companies.id, id)))[0]!;
const connection = { apiBaseUrl: "https://api.cal.com/v2", teamId: 4711 };

async function expectRefused(id: string, save: () => Promise<unknown>, message: string) {
  const before = await rowOf(id);
  const error = await save().then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error) && error.code === "VALIDATION", "the save was not refused").toBe(true);
  expect((error as Error).message).toContain(message);
  expect(await rowOf(id)).toEqual(before);
}

describe("settings: Cal.com connection and write-only secrets", () => {
  it("saves URL and team id; empty values fall back to the server default", async () => {
    const company = await makeCompany();
    const ctx = ctxFor(company);
    await updateCalcom({ ctx, input: { apiBaseUrl: " https://cal.example.de/v2/ ", teamId: 4711 } });
    expect(await rowOf(company.id)).toMatchObject({
      calcomApiBaseUrl: "https://cal.example.de/v2",
      calcomTeamId: 4711,
    });
    await updateCalcom({ ctx, input: { apiBaseUrl: "http://127.0.0.1:3100/v2", teamId: null } });
    expect(await rowOf(company.id)).toMatchObject({ calcomApiBaseUrl: "http://127.0.0.1:3100/v2", calcomTeamId: null });
    await updateCalcom({ ctx, input: { apiBaseUrl: "", teamId: null } });
    expect((await rowOf(company.id)).calcomApiBaseUrl).toBeNull();
  });

  it("refuses plain http to other hosts, non-URLs, credentials in the URL and bad team ids", async () => {
    const company = await makeCompany({ calcomApiBaseUrl: "https://api.cal.com/v2", calcomTeamId: 1 });
    const ctx = ctxFor(company);
    for (const apiBaseUrl of [
      "http://api.cal.com/v2",
      "api.cal.com/v2",
      "kein link",
      "ftp://cal.example.de",
      "https://user:pass@cal.example.de/v2",
    ]) {
      await expectRefused(
        company.id,
        () => updateCalcom({ ctx, input: { apiBaseUrl, teamId: 2 } }),
        "API-URL: Bitte geben Sie die https-Adresse Ihrer Cal.com-API an",
      );
    }
    for (const teamId of [0, -3, 1.5, Number.NaN]) {
      await expectRefused(
        company.id,
        () => updateCalcom({ ctx, input: { ...connection, teamId } }),
        "Team-ID: Bitte geben Sie eine positive ganze Zahl an",
      );
    }
  });

  it("stores a new API key and webhook secret only encrypted", async () => {
    const company = await makeCompany();
    await updateCalcom({
      ctx: ctxFor(company),
      input: { ...connection, apiKey: " cal_live_geheim_123 ", webhookSecret: "whsec_sehr_geheim" },
    });
    const row = await rowOf(company.id);
    expect(JSON.stringify(row)).not.toContain("cal_live_geheim_123");
    expect(JSON.stringify(row)).not.toContain("whsec_sehr_geheim");
    expect(decryptSecret(row.calcomApiKeyEncrypted!)).toBe("cal_live_geheim_123");
    expect(decryptSecret(row.calcomWebhookSecretEncrypted!)).toBe("whsec_sehr_geheim");
  });

  it("keeps a stored secret when the field is empty, replaces it when filled and clears it on „Entfernen“", async () => {
    const company = await makeCompany({
      calcomApiKeyEncrypted: encryptSecret("cal_alt"),
      calcomWebhookSecretEncrypted: encryptSecret("whsec_alt"),
    });
    const ctx = ctxFor(company);
    const stored = await rowOf(company.id);
    await updateCalcom({ ctx, input: { ...connection, apiKey: "", webhookSecret: "   " } });
    expect(await rowOf(company.id)).toMatchObject({
      calcomApiKeyEncrypted: stored.calcomApiKeyEncrypted,
      calcomWebhookSecretEncrypted: stored.calcomWebhookSecretEncrypted,
    });

    await updateCalcom({ ctx, input: { ...connection, apiKey: "cal_neu" } });
    const replaced = await rowOf(company.id);
    expect(decryptSecret(replaced.calcomApiKeyEncrypted!)).toBe("cal_neu");
    expect(replaced.calcomWebhookSecretEncrypted).toBe(stored.calcomWebhookSecretEncrypted);

    await updateCalcom({ ctx, input: { ...connection, removeApiKey: true } });
    expect((await rowOf(company.id)).calcomApiKeyEncrypted).toBeNull();
    await updateCalcom({ ctx, input: { ...connection, removeWebhookSecret: true } });
    expect((await rowOf(company.id)).calcomWebhookSecretEncrypted).toBeNull();
  });

  it("refuses a new secret together with „Entfernen“", async () => {
    const company = await makeCompany({ calcomApiKeyEncrypted: encryptSecret("cal_alt") });
    const save = () =>
      updateCalcom({ ctx: ctxFor(company), input: { ...connection, apiKey: "cal_neu", removeApiKey: true } });
    await expectRefused(company.id, save, "nicht beides");
  });

  it("get-settings reports secrets only as booleans and shows the company's webhook URL", async () => {
    const company = await makeCompany({
      calcomApiKeyEncrypted: encryptSecret("cal_live_nie_zeigen"),
      calcomApiBaseUrl: "https://api.cal.com/v2",
    });
    const settings = await getSettings({ ctx: ctxFor(company) });
    const row = await rowOf(company.id);
    expect(settings).toMatchObject({
      hasCalcomApiKey: true,
      hasWebhookSecret: false,
      calcomSource: "company",
      calcomApiBaseUrl: "https://api.cal.com/v2",
    });
    expect(settings.calcomWebhookUrl).toBe(
      `${env().APP_URL.replace(/\/+$/, "")}/api/calcom/webhook?company=${company.id}`,
    );
    const json = JSON.stringify(settings);
    expect(json).not.toContain("cal_live_nie_zeigen");
    expect(json).not.toContain(row.calcomApiKeyEncrypted!);
    const secretish = Object.entries(settings).filter(([key]) => /encrypted|api-?key|secret/i.test(key));
    expect(secretish).toEqual([
      ["hasCalcomApiKey", true],
      ["hasWebhookSecret", false],
    ]);
  });

  it("never touches another company's Cal.com settings", async () => {
    const company = await makeCompany();
    const bystander = await makeCompany({
      calcomApiKeyEncrypted: encryptSecret("cal_nachbar"),
      calcomApiBaseUrl: "https://nachbar.example.de",
    });
    const before = await rowOf(bystander.id);
    const ctx = ctxFor(company);
    await updateCalcom({ ctx, input: { ...connection, apiKey: "cal_meins", webhookSecret: "whsec_meins" } });
    await updateCalcom({
      ctx,
      input: { apiBaseUrl: null, teamId: null, removeApiKey: true, removeWebhookSecret: true },
    });
    expect(await rowOf(bystander.id)).toEqual(before);
    expect((await getSettings({ ctx: ctxFor(bystander) })).hasCalcomApiKey).toBe(true);
  });
});

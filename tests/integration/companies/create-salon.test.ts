import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { createSalon } from "@/lib/companies/create-salon";
import { getDb } from "@/lib/db/client";
import { accounts, companies, users } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";

const ctx = () => ({ db: getDb(), actor: { type: "system" as const } });
const countCompanies = async () =>
  (
    await getDb()
      .select({ n: sql<number>`count(*)::int` })
      .from(companies)
  )[0]!.n;
const signIn = (email: string, password: string) =>
  getAuth().api.signInEmail({ body: { email, password }, asResponse: true });

const salon = (patch: Record<string, string | undefined> = {}) => ({
  name: "Salon Sonne",
  timeZone: "Europe/Berlin",
  state: "BY",
  adminName: "Maria Sonne",
  adminEmail: `maria-${Math.random().toString(36).slice(2, 8)}@salon-sonne.de`,
  ...patch,
});

/** Runs a creation that must be refused: the German sentence, and no company or user written. */
async function expectRefused(input: ReturnType<typeof salon>, code: string, message: string) {
  const companiesBefore = await countCompanies();
  const usersBefore = (await getDb().select().from(users)).length;
  const error = await createSalon({ ctx: ctx(), input }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error), "creation was not refused").toBe(true);
  expect(error).toMatchObject({ code });
  expect((error as Error).message).toContain(message);
  expect(await countCompanies()).toBe(companiesBefore);
  expect((await getDb().select().from(users)).length).toBe(usersBefore);
}

describe("createSalon: a salon and its owner in one transaction", () => {
  it("creates the company closed all week, with no Cal.com or Retell, and an owner who can log in", async () => {
    const input = salon({ password: "Sonnenschein-2027", adminEmail: "Maria@Salon-Sonne.de" });
    const created = await createSalon({ ctx: ctx(), input });

    expect(created.passwordGenerated).toBe(false);
    expect(created.company).toMatchObject({
      name: "Salon Sonne",
      timeZone: "Europe/Berlin",
      state: "BY",
      retellAgentId: null,
      calcomApiBaseUrl: null,
      calcomApiKeyEncrypted: null,
    });
    expect(Object.values(created.company.openingHours).flat()).toEqual([]);
    const [owner] = await getDb().select().from(users).where(eq(users.companyId, created.company.id));
    expect(owner).toMatchObject({ email: "maria@salon-sonne.de", role: "owner", mustChangePassword: false });

    const response = await signIn("maria@salon-sonne.de", "Sonnenschein-2027");
    expect(response.status).toBe(200);
  });

  it("without --password: a generated one-time password that logs in and must be replaced", async () => {
    const input = salon({ state: "de-nw", timeZone: "europe/berlin" });
    const created = await createSalon({ ctx: ctx(), input });
    expect(created.passwordGenerated).toBe(true);
    expect(created.password.length).toBeGreaterThanOrEqual(10);
    expect(created.company).toMatchObject({ state: "NW", timeZone: "Europe/Berlin" });
    const [owner] = await getDb().select().from(users).where(eq(users.companyId, created.company.id));
    expect(owner).toMatchObject({ role: "owner", mustChangePassword: true });
    const [account] = await getDb().select().from(accounts).where(eq(accounts.userId, owner!.id));
    expect(account!.password).not.toContain(created.password);
    expect((await signIn(input.adminEmail, created.password)).status).toBe(200);
  });

  it("a duplicate e-mail: German error and no company row", async () => {
    const first = salon();
    await createSalon({ ctx: ctx(), input: first });
    const again = salon({ name: "Salon Zwei", adminEmail: first.adminEmail.toUpperCase() });
    await expectRefused(again, "CONFLICT", `Für die E-Mail-Adresse ${first.adminEmail} gibt es schon einen Zugang.`);
    expect(await getDb().select().from(companies).where(eq(companies.name, "Salon Zwei"))).toEqual([]);
  });

  it("refuses an unknown time zone, an unknown Bundesland and bad arguments, writing nothing", async () => {
    await expectRefused(salon({ timeZone: "Europe/Bärlin" }), "VALIDATION", "ist keine bekannte Zeitzone");
    await expectRefused(salon({ state: "XY" }), "VALIDATION", "„XY“ ist kein Bundesland");
    await expectRefused(salon({ state: "Bayern" }), "VALIDATION", "BW BY BE BB HB HH HE MV NI NW RP SL SN ST SH TH");
    await expectRefused(salon({ adminEmail: "keine-adresse" }), "VALIDATION", "gültige E-Mail-Adresse");
    await expectRefused(salon({ name: "  " }), "VALIDATION", "Namen des Salons");
    await expectRefused(salon({ password: "kurz" }), "VALIDATION", "mindestens 10 Zeichen");
  });

  it("accepts all 16 Bundesländer", async () => {
    for (const state of [
      "BW",
      "BY",
      "BE",
      "BB",
      "HB",
      "HH",
      "HE",
      "MV",
      "NI",
      "NW",
      "RP",
      "SL",
      "SN",
      "ST",
      "SH",
      "TH",
    ]) {
      const { company } = await createSalon({ ctx: ctx(), input: salon({ state, password: "Passwort-123456" }) });
      expect(company.state).toBe(state);
    }
  });
});

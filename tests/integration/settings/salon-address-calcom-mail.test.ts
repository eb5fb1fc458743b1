import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getSettings } from "@/lib/companies/get-settings";
import { updateCalcom } from "@/lib/companies/update-calcom";
import { updateSalon } from "@/lib/companies/update-salon";
import { getDb } from "@/lib/db/client";
import { companies } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { ctxFor, makeCompany } from "../../support/factories";

const rowOf = async (id: string) => (await getDb().select().from(companies).where(eq(companies.id, id)))[0]!;
const salon = { name: "Salon Adresse", timeZone: "Europe/Berlin" };
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

describe("settings: the salon's address and how Cal.com may e-mail customers", () => {
  it("saves the address with its spaces tidied, keeps it when the field is absent, clears it when empty", async () => {
    const company = await makeCompany();
    const ctx = ctxFor(company);
    await updateSalon({ ctx, input: { ...salon, address: "  Torstraße 112,\n 10119   Berlin " } });
    expect((await rowOf(company.id)).address).toBe("Torstraße 112, 10119 Berlin");
    expect((await getSettings({ ctx })).address).toBe("Torstraße 112, 10119 Berlin");
    await updateSalon({ ctx, input: salon });
    expect((await rowOf(company.id)).address).toBe("Torstraße 112, 10119 Berlin");
    await updateSalon({ ctx, input: { ...salon, address: "   " } });
    expect((await rowOf(company.id)).address).toBeNull();
  });

  it("refuses an address without street number or postcode, or longer than 300 characters", async () => {
    const company = await makeCompany({ address: "Hauptstraße 1, 10115 Berlin" });
    const ctx = ctxFor(company);
    for (const address of ["Berlin", "12345", "x1"]) {
      const save = () => updateSalon({ ctx, input: { ...salon, address } });
      await expectRefused(company.id, save, "Adresse: Bitte Straße, Hausnummer");
    }
    const long = `Hauptstraße 1, ${"a".repeat(300)}`;
    const save = () => updateSalon({ ctx, input: { ...salon, address: long } });
    await expectRefused(company.id, save, "höchstens 300 Zeichen");
  });

  it("customer e-mails are off by default; switching them on and a placeholder domain are saved", async () => {
    const company = await makeCompany();
    const ctx = ctxFor(company);
    expect(await getSettings({ ctx })).toMatchObject({ calcomCustomerEmails: false, calcomAttendeeEmailDomain: null });
    const domain = " Kunden.Salon-Demo.de. ";
    await updateCalcom({ ctx, input: { ...connection, customerEmails: true, attendeeEmailDomain: domain } });
    const saved = { calcomCustomerEmails: true, calcomAttendeeEmailDomain: "kunden.salon-demo.de" };
    expect(await rowOf(company.id)).toMatchObject(saved);
    // A form without these fields (older clients, other tests) leaves them alone.
    await updateCalcom({ ctx, input: connection });
    expect(await rowOf(company.id)).toMatchObject(saved);
    await updateCalcom({ ctx, input: { ...connection, customerEmails: false, attendeeEmailDomain: "" } });
    expect(await rowOf(company.id)).toMatchObject({ calcomCustomerEmails: false, calcomAttendeeEmailDomain: null });
    await updateCalcom({ ctx, input: { ...connection, attendeeEmailDomain: "müller-friseur.de" } });
    expect((await rowOf(company.id)).calcomAttendeeEmailDomain).toBe("xn--mller-friseur-wob.de");
  });

  it("refuses what is not a domain name", async () => {
    const company = await makeCompany({ calcomAttendeeEmailDomain: "kunden.example.de" });
    const ctx = ctxFor(company);
    const notDomains = ["kunden@salon.de", "https://salon.de", "salon", "salon..de", "-salon.de", "salon.d"];
    for (const attendeeEmailDomain of [...notDomains, "salon .de", "salon.123"]) {
      const save = () => updateCalcom({ ctx, input: { ...connection, attendeeEmailDomain } });
      await expectRefused(company.id, save, "Domain für Platzhalter-Adressen: Bitte einen Domainnamen");
    }
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { updateBookingRules } from "@/lib/companies/update-booking-rules";
import { updateFeatureFlags } from "@/lib/companies/update-feature-flags";
import { updateOpeningHours } from "@/lib/companies/update-opening-hours";
import { recordAgentSighting, updateRetell } from "@/lib/companies/update-retell";
import { updateSalon } from "@/lib/companies/update-salon";
import { getDb } from "@/lib/db/client";
import { companies } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { ctxFor, makeCompany, WEEKDAYS_9_TO_18 } from "../../support/factories";

const rowOf = async (id: string) => (await getDb().select().from(companies).where(eq(companies.id, id)))[0]!;

/** Runs a save that must be refused: German message, and the company row exactly as before. */
async function expectRefused(id: string, save: () => Promise<unknown>, code: string, message: string) {
  const before = await rowOf(id);
  const error = await save().then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error), "the save was not refused").toBe(true);
  expect(error).toMatchObject({ code });
  expect((error as Error).message).toContain(message);
  expect(await rowOf(id)).toEqual(before);
}

type Week = Record<"1" | "2" | "3" | "4" | "5" | "6" | "7", { open: string; close: string }[]>;
const hours = (patch: Partial<Week>): Week => ({ ...(WEEKDAYS_9_TO_18 as Week), ...patch });

describe("settings: salon, opening hours, booking rules, Retell, feature flags", () => {
  it("saves the salon's name and time zone, canonicalising the zone", async () => {
    const company = await makeCompany();
    await updateSalon({ ctx: ctxFor(company), input: { name: "  Haarstudio Müller ", timeZone: "europe/vienna" } });
    expect(await rowOf(company.id)).toMatchObject({ name: "Haarstudio Müller", timeZone: "Europe/Vienna" });
  });

  it("refuses an unknown time zone and an empty name", async () => {
    const company = await makeCompany();
    const ctx = ctxFor(company);
    await expectRefused(
      company.id,
      () => updateSalon({ ctx, input: { name: "Neu", timeZone: "Mars/Olympus_Mons" } }),
      "VALIDATION",
      "ist keine bekannte Zeitzone",
    );
    await expectRefused(
      company.id,
      () => updateSalon({ ctx, input: { name: "Neu", timeZone: "+01:00" } }),
      "VALIDATION",
      "ist keine bekannte Zeitzone",
    );
    await expectRefused(
      company.id,
      () => updateSalon({ ctx, input: { name: "   ", timeZone: "Europe/Berlin" } }),
      "VALIDATION",
      "Namen des Salons",
    );
  });

  it("saves opening hours per weekday with closed days as empty lists", async () => {
    const company = await makeCompany();
    const wanted = hours({
      "2": [{ open: "10:00", close: "19:30" }],
      "6": [],
      "7": [{ open: "11:00", close: "15:00" }],
    });
    await updateOpeningHours({ ctx: ctxFor(company), input: { openingHours: wanted } });
    expect((await rowOf(company.id)).openingHours).toEqual(wanted);
  });

  it("refuses a bad time, a close before the open and a missing weekday", async () => {
    const company = await makeCompany();
    const ctx = ctxFor(company);
    const save = (openingHours: unknown) => () => updateOpeningHours({ ctx, input: { openingHours } as never });
    await expectRefused(
      company.id,
      save(hours({ "1": [{ open: "9:00", close: "18:00" }] })),
      "VALIDATION",
      "Montag: Bitte geben Sie die Uhrzeiten im Format HH:MM an",
    );
    await expectRefused(
      company.id,
      save(hours({ "3": [{ open: "09:00", close: "24:00" }] })),
      "VALIDATION",
      "Mittwoch: Bitte geben Sie die Uhrzeiten im Format HH:MM an",
    );
    await expectRefused(
      company.id,
      save(hours({ "5": [{ open: "18:00", close: "09:00" }] })),
      "VALIDATION",
      "Freitag: Die Schließzeit muss nach der Öffnungszeit liegen.",
    );
    await expectRefused(
      company.id,
      save(hours({ "2": [{ open: "09:00", close: "09:00" }] })),
      "VALIDATION",
      "Dienstag: Die Schließzeit muss nach der Öffnungszeit liegen.",
    );
    await expectRefused(
      company.id,
      save(
        hours({
          "4": [
            { open: "09:00", close: "13:00" },
            { open: "12:00", close: "18:00" },
          ],
        }),
      ),
      "VALIDATION",
      "Donnerstag: Die Öffnungszeiten überschneiden sich.",
    );
    const { "7": _sunday, ...sixDays } = WEEKDAYS_9_TO_18;
    await expectRefused(company.id, save(sixDays), "VALIDATION", "für jeden Wochentag");
  });

  it("saves slot grid, hold minutes and gap booking; refuses grid 7, hold 0 and hold 31", async () => {
    const company = await makeCompany();
    const ctx = ctxFor(company);
    await updateBookingRules({ ctx, input: { slotGridMinutes: 30, holdMinutes: 12, allowGapBooking: true } });
    expect(await rowOf(company.id)).toMatchObject({ slotGridMinutes: 30, holdMinutes: 12, allowGapBooking: true });
    const rules = (slotGridMinutes: number, holdMinutes: number) => () =>
      updateBookingRules({ ctx, input: { slotGridMinutes, holdMinutes, allowGapBooking: false } });
    await expectRefused(
      company.id,
      rules(7, 5),
      "VALIDATION",
      "Terminraster: Bitte wählen Sie 5, 10, 15, 20, 30 oder 60 Minuten.",
    );
    await expectRefused(
      company.id,
      rules(15, 0),
      "VALIDATION",
      "Reservierungsdauer: Bitte geben Sie eine ganze Zahl von 1 bis 30 Minuten an.",
    );
    await expectRefused(company.id, rules(15, 31), "VALIDATION", "Reservierungsdauer");
    await expectRefused(company.id, rules(15, Number.NaN), "VALIDATION", "Reservierungsdauer");
  });

  it("saves and clears the Retell agent id; a taken id is refused with a clear message", async () => {
    const other = await makeCompany({ retellAgentId: "agent_taken" });
    const company = await makeCompany();
    const ctx = ctxFor(company);
    // The salon called its new agent once: SlotDesk saw a signed request for it.
    await recordAgentSighting(getDb(), "agent_new_42", "call_test");
    await updateRetell({ ctx, input: { retellAgentId: " agent_new_42 " } });
    expect((await rowOf(company.id)).retellAgentId).toBe("agent_new_42");
    await expectRefused(
      company.id,
      () => updateRetell({ ctx, input: { retellAgentId: "agent_taken" } }),
      "CONFLICT",
      "bereits einem anderen Salon zugeordnet",
    );
    await expectRefused(
      company.id,
      () => updateRetell({ ctx, input: { retellAgentId: "agent mit leerzeichen" } }),
      "VALIDATION",
      "keine Leerzeichen",
    );
    await updateRetell({ ctx, input: { retellAgentId: "" } });
    expect((await rowOf(company.id)).retellAgentId).toBeNull();
    expect((await rowOf(other.id)).retellAgentId).toBe("agent_taken");
  });

  it("saves the feature flags", async () => {
    const company = await makeCompany();
    const ctx = ctxFor(company);
    await updateFeatureFlags({ ctx, input: { parallelCalcomBooking: false, postSyncVerification: false } });
    expect(await rowOf(company.id)).toMatchObject({ parallelCalcomBooking: false, postSyncVerification: false });
    await updateFeatureFlags({ ctx, input: { parallelCalcomBooking: true, postSyncVerification: false } });
    expect(await rowOf(company.id)).toMatchObject({ parallelCalcomBooking: true, postSyncVerification: false });
  });

  it("never touches another company", async () => {
    const company = await makeCompany();
    const bystander = await makeCompany();
    const before = await rowOf(bystander.id);
    const ctx = ctxFor(company);
    await updateSalon({ ctx, input: { name: "Nur ich", timeZone: "Europe/Zurich" } });
    await updateOpeningHours({ ctx, input: { openingHours: hours({ "1": [] }) } });
    await updateBookingRules({ ctx, input: { slotGridMinutes: 60, holdMinutes: 30, allowGapBooking: true } });
    await updateRetell({ ctx, input: { retellAgentId: null } });
    await updateFeatureFlags({ ctx, input: { parallelCalcomBooking: false, postSyncVerification: false } });
    expect(await rowOf(bystander.id)).toEqual(before);
    expect(await rowOf(company.id)).toMatchObject({ name: "Nur ich", slotGridMinutes: 60, retellAgentId: null });
  });
});

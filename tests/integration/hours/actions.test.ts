import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  deleteSpecialDayAction,
  saveHolidaysAction,
  saveSpecialDaysAction,
} from "@/app/(admin)/oeffnungszeiten/actions";
import { saveOpeningHoursAction } from "@/app/(admin)/settings/actions";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { getDb } from "@/lib/db/client";
import { appointments, salonSpecialDays } from "@/lib/db/schema";
import { signInAs } from "../../support/admin-session";
import { useServerClock } from "../../support/clock";
import { berlin, reload, salonIn } from "./salon";

vi.mock("next/headers", async () => (await import("../../support/admin-session")).fakeHeaders);
vi.mock("next/cache", async () => (await import("../../support/admin-session")).fakeCache);
vi.mock("@/lib/auth/auth", async () => (await import("../../support/admin-session")).fakeAuth);

useServerClock(new Date("2027-02-01T07:00:00Z"));
beforeEach(() => signInAs(null));

const formOf = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};
/** The settings form as the browser posts it: Monday with a lunch break, Sunday closed. */
const week = (monday: [string, string][]) =>
  formOf([
    ...monday.flatMap(([open, close]): [string, string][] => [
      ["open-1", open],
      ["close-1", close],
    ]),
    ...["2", "3", "4", "5", "6"].flatMap((d): [string, string][] => [
      [`open-${d}`, "09:00"],
      [`close-${d}`, "18:00"],
    ]),
    ["closed-7", "on"],
  ]);

describe("the hours forms", () => {
  it("the weekly form saves several ranges per day; an overlap is refused in German and changes nothing", async () => {
    const s = await salonIn(null);
    signInAs(s.company.id);
    expect(
      await saveOpeningHoursAction(
        week([
          ["09:00", "12:00"],
          ["13:00", "18:00"],
        ]),
      ),
    ).toEqual({ ok: true, message: "Öffnungszeiten gespeichert." });
    const saved = (await reload(s.company.id)).openingHours;
    expect(saved["1"]).toEqual([
      { open: "09:00", close: "12:00" },
      { open: "13:00", close: "18:00" },
    ]);
    expect(saved["7"]).toEqual([]);
    const refused = await saveOpeningHoursAction(
      week([
        ["09:00", "13:00"],
        ["12:00", "18:00"],
      ]),
    );
    expect(refused).toEqual({
      ok: false,
      message: "Nicht gespeichert. Montag: Die Öffnungszeiten überschneiden sich.",
    });
    expect((await reload(s.company.id)).openingHours).toEqual(saved);
  });

  it("Bundesland and open holidays are saved from the form", async () => {
    const s = await salonIn(null);
    signInAs(s.company.id);
    const result = await saveHolidaysAction(
      formOf([
        ["state", "BY"],
        ["openOnHoliday", "01-06"],
      ]),
    );
    expect(result).toEqual({ ok: true, message: "Feiertage gespeichert." });
    expect(await reload(s.company.id)).toMatchObject({ state: "BY", openOnHolidays: ["01-06"] });
  });

  it("a closure over a booking is shown first, saved on confirmation, and removable only by its own salon", async () => {
    const s = await salonIn("BE");
    const other = await salonIn("BE");
    const { appointment } = await bookAppointment({
      ctx: s.ctx,
      input: {
        serviceId: s.cut.id,
        start: berlin("2027-02-10", "10:00"),
        customer: { name: "Erika Muster", phone: "+4915112345670" },
      },
    });
    signInAs(s.company.id);
    const closure: [string, string][] = [
      ["from", "2027-02-10"],
      ["to", "2027-02-11"],
      ["closedAllDay", "on"],
      ["reason", "Betriebsurlaub"],
    ];
    const preview = await saveSpecialDaysAction(formOf(closure));
    expect(preview).toMatchObject({
      ok: false,
      affected: [{ id: appointment.id, who: expect.stringContaining("Erika") }],
    });
    const rows = () => getDb().select().from(salonSpecialDays).where(eq(salonSpecialDays.companyId, s.company.id));
    expect(await rows()).toEqual([]);
    const saved = await saveSpecialDaysAction(formOf([...closure, ["confirm", "on"]]));
    expect(saved).toEqual({ ok: true, message: "2 Sondertage gespeichert. 1 Termin ist zum Nachfassen markiert." });
    const [booked] = await getDb().select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(booked).toMatchObject({ status: "confirmed", followUpReason: expect.stringContaining("Betriebsurlaub") });

    const [first] = await rows();
    signInAs(other.company.id);
    expect(await deleteSpecialDayAction(first!.id)).toMatchObject({ ok: false });
    signInAs(s.company.id);
    expect(await deleteSpecialDayAction(first!.id)).toEqual({ ok: true, message: "Sondertag gelöscht." });
    expect(await rows()).toHaveLength(1);
  });
});

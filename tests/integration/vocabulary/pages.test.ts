import { and, eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import AppointmentPage from "@/app/(admin)/appointments/[id]/page";
import CallsPage from "@/app/(admin)/calls/(list)/page";
import CallPage from "@/app/(admin)/calls/[id]/page";
import ServicesPage from "@/app/(admin)/services/page";
import { bookAppointment } from "@/lib/booking";
import { getDb } from "@/lib/db/client";
import { appointmentPhases, appointments, calls } from "@/lib/db/schema";
import { useServerClock } from "../../support/clock";
import { makeCall, makeSalon } from "../../support/factories";
import { logIn, logOut, makeAdmin } from "../admins/real-session";
import { berlin } from "../calendar/helpers";
import { plainGermanFindings } from "../../support/plain-german";

vi.mock("next/headers", async () => (await import("../admins/real-session")).fakeHeaders);
vi.mock("next/cache", async () => (await import("../admins/real-session")).fakeCache);
// Client components ask for the router; outside a Next.js app there is none to mount.
vi.mock("next/navigation", async (original) => ({
  ...(await original<Record<string, unknown>>()),
  useRouter: () => ({ refresh: () => {}, push: () => {}, replace: () => {} }),
  usePathname: () => "/",
  useSearchParams: () => new URLSearchParams(),
}));

const NOW = new Date("2027-03-10T08:00:00Z");
useServerClock(NOW);

const CONFLICT =
  "Cal.com hat die Buchung abgelehnt: User either already has booking at this time or is not available (/v2/bookings)";

/** What a person reads: Cal.com's original behind "Originalmeldung" and data attributes left out. */
const visible = (markup: string) =>
  markup.replace(/<details[\s\S]*?<\/details>/g, "").replace(/ data-[a-z-]+="[^"]*"/g, "");

function expectPlainGerman(markup: string) {
  expect(plainGermanFindings(markup)).toEqual([]);
}

beforeEach(() => logOut());

async function signedInSalon() {
  const salon = await makeSalon();
  const admin = await makeAdmin(salon.company.id);
  await logIn(admin.email, admin.password);
  return salon;
}

describe("admin pages speak one plain German", () => {
  it("Anrufe: numbers formatted, a withheld caller named, a running call shown as running", async () => {
    const { company } = await signedInSalon();
    const running = await makeCall(company);
    const done = await makeCall(company);
    const db = getDb();
    await db
      .update(calls)
      .set({
        fromNumber: "anonymous",
        startedAt: new Date("2027-03-10T07:50:00Z"),
        endedAt: null,
        outcome: "no_booking",
      })
      .where(eq(calls.id, running.id));
    await db
      .update(calls)
      .set({
        fromNumber: "+4915112345678",
        startedAt: new Date("2027-03-10T07:00:00Z"),
        endedAt: new Date("2027-03-10T07:03:00Z"),
        durationSeconds: 180,
        outcome: "no_booking",
      })
      .where(eq(calls.id, done.id));

    const list = renderToStaticMarkup(await CallsPage({ searchParams: Promise.resolve({}) }));
    expectPlainGerman(list);
    expect(list).toContain("Unbekannte Nummer");
    expect(list).toContain("+49 1511 2345678");
    expect(list).toContain("Läuft gerade");
    // The filter offers every outcome; in the table only the finished call has one.
    const table = list.slice(list.indexOf("<table"));
    expect(table.match(/Kein Termin/g)).toHaveLength(1);

    const detail = renderToStaticMarkup(await CallPage({ params: Promise.resolve({ id: String(running.id) }) }));
    expectPlainGerman(detail);
    expect(detail).toContain("Unbekannte Nummer");
    expect(detail).toContain("Läuft gerade");
    expect(detail).not.toContain("Kein Termin");
  });

  it("Termin: Kombi-Leistung, Einwirkzeit 1, Buchungs-ID and Cal.com's refusal in German", async () => {
    const { ctx, anna, colour } = await signedInSalon();
    const { appointment } = await bookAppointment({
      ctx,
      input: {
        serviceId: colour.id,
        start: berlin("2027-03-15", "10:00"),
        staffId: anna.id,
        customer: { name: "Greta Grün", phone: "+4915112349999" },
        now: NOW,
      },
    });
    const db = getDb();
    await db
      .update(appointments)
      .set({
        calcomSyncStatus: "failed",
        syncErrorCode: "calcom_conflict",
        syncErrorMessage: CONFLICT,
        calcomV2BookingId: 9001,
      })
      .where(eq(appointments.id, appointment.id));
    await db
      .update(appointmentPhases)
      .set({
        calcomSyncStatus: "failed",
        syncErrorMessage: CONFLICT,
        calcomBookingId: 9002,
        calcomBookingUid: "uid-9002",
      })
      .where(and(eq(appointmentPhases.appointmentId, appointment.id), eq(appointmentPhases.segmentKey, "A")));

    const markup = renderToStaticMarkup(
      await AppointmentPage({
        params: Promise.resolve({ id: String(appointment.id) }),
        searchParams: Promise.resolve({}),
      }),
    );
    expectPlainGerman(markup);
    const shown = visible(markup);
    expect(shown).toContain("Kombi-Leistung");
    expect(shown).toContain("Einwirkzeit 1");
    expect(shown).toContain("Buchungs-ID");
    expect(shown).toContain("Buchungscode");
    expect(shown).toContain("Zeit in Cal.com belegt");
    expect(shown).toContain("Die Person ist zu dieser Zeit in Cal.com schon gebucht oder nicht verfügbar.");
    expect(shown).toContain("+49 1511 2349999");
    expect(markup).toContain("Originalmeldung von Cal.com");
  });

  it("Leistungen: the list is called so, composite services are Kombi-Leistungen", async () => {
    await signedInSalon();
    const markup = renderToStaticMarkup(await ServicesPage({ searchParams: Promise.resolve({}) }));
    expectPlainGerman(markup);
    expect(markup).toContain(">Leistungen<");
    expect(markup).toContain("Neue Leistung");
    expect(markup).toContain("Kombi-Leistung");
    expect(markup).toContain("Einzelleistung");
    expect(markup).toContain("3 Leistungen");
  });
});

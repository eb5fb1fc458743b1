import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import CalendarPage from "@/app/(admin)/kalender/page";
import { bookAppointment } from "@/lib/booking";
import { useServerClock } from "../../support/clock";
import { makeSalon, makeStaff } from "../../support/factories";
import { logIn, logOut, makeAdmin } from "../admins/real-session";
import { berlin, makeHold } from "./helpers";

vi.mock("next/headers", async () => (await import("../admins/real-session")).fakeHeaders);
vi.mock("next/cache", async () => (await import("../admins/real-session")).fakeCache);

// Wednesday 10 March 2027, 09:00 in Berlin: "today" of the page.
const NOW = new Date("2027-03-10T08:00:00Z");
useServerClock(NOW);

const page = (params: Record<string, string>) => CalendarPage({ searchParams: Promise.resolve(params) });
/** What a person reads (and a screen reader says): markup and aria-hidden decoration removed. */
const text = (markup: string) =>
  markup
    .replace(/<span aria-hidden="true">[^<]*<\/span>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

beforeEach(() => logOut());

async function signedInSalon(options: { allowGapBooking?: boolean } = {}) {
  const salon = await makeSalon(options);
  const admin = await makeAdmin(salon.company.id);
  await logIn(admin.email, admin.password);
  return salon;
}

describe("the Kalender page", () => {
  it("shows the week of today by default, with paging links, the date form and a column per stylist", async () => {
    const { company } = await signedInSalon();
    await makeStaff(company, { name: "Fabian Spitzer" });
    await makeStaff(company, { name: "Fabian Spitzer" });
    const markup = renderToStaticMarkup(await page({}));
    const shown = text(markup);
    expect(shown).toContain("Woche vom 08.03.2027 bis 14.03.2027 (KW 10)");
    expect(shown).toContain("Montag, 08.03.2027");
    expect(shown).toContain("Sonntag, 14.03.2027");
    expect(shown).toContain("Fabian Spitzer (2)");
    expect(markup).toContain('href="/kalender?ansicht=woche&amp;datum=2027-03-03"');
    expect(markup).toContain('href="/kalender?ansicht=woche&amp;datum=2027-03-17"');
    expect(markup).toContain('href="/kalender?ansicht=tag&amp;datum=2027-03-10"');
    const form = markup.match(/<form[^>]*>/)![0];
    expect(form).toContain('action="/kalender"');
    expect(form).toContain('method="get"');
    expect(markup).toContain('name="datum"');
    expect(markup).toContain('href="/appointments/new"');
    // Past days offer nothing; from now on (Wednesday 09:00) each free stretch books at its first start.
    const listOf = (day: string) =>
      markup.split(`aria-label="Termine und freie Zeiten von Anna Berg am ${day}"`)[1]!.split("</ul>")[0]!;
    expect(listOf("Mittwoch, 10.03.2027")).toContain("frei ab 09:00");
    expect(listOf("Mittwoch, 10.03.2027")).toContain("/appointments/new?staff=");
    expect(listOf("Dienstag, 09.03.2027")).not.toContain("/appointments/new");
    expect(shown).toContain("Geschlossen");
  });

  it("the day view shows an appointment with its Einwirkzeit, a hold of an ongoing call and free slots that link to the booking form", async () => {
    const { ctx, company, anna, colour, cut } = await signedInSalon({ allowGapBooking: true });
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
    const { call } = await makeHold(company, {
      staffId: anna.id,
      serviceId: cut.id,
      start: berlin("2027-03-15", "14:00"),
      minutes: 30,
      expiresAt: new Date(NOW.getTime() + 5 * 60_000),
    });
    const markup = renderToStaticMarkup(await page({ ansicht: "tag", datum: "2027-03-15" }));
    const shown = text(markup);
    expect(shown).toContain("Montag, 15.03.2027");
    expect(markup).toContain(`href="/appointments/${appointment.id}"`);
    expect(shown).toContain("10:00–12:40 Greta Grün Ansatzfärbung");
    expect(shown).toContain("Einwirkzeit · frei buchbar");
    expect(markup).toContain(`href="/calls/${call.id}"`);
    expect(shown).toContain("Reserviert – laufender Anruf");
    expect(markup).toContain('aria-label="Termin anlegen bei Anna Berg am Montag, 15.03.2027 um 10:30"');
    expect(markup).not.toContain("Termin anlegen bei Anna Berg am Montag, 15.03.2027 um 11:00");
    const start = encodeURIComponent(berlin("2027-03-15", "10:30").toISOString());
    expect(markup).toContain(`href="/appointments/new?staff=${anna.id}&amp;start=${start}"`);
  });

  it("a URL it cannot read shows a notice and the week of today instead of an error", async () => {
    await signedInSalon();
    const shown = text(renderToStaticMarkup(await page({ ansicht: "monat", datum: "2027-02-30" })));
    expect(shown).toContain("Die Ansicht „monat“ gibt es nicht – angezeigt wird die Woche.");
    expect(shown).toContain("„2027-02-30“ ist kein gültiges Datum – angezeigt wird heute.");
    expect(shown).toContain("Woche vom 08.03.2027 bis 14.03.2027");
  });
});

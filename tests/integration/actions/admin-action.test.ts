import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { cancelAction, rescheduleAction } from "@/app/(admin)/appointments/[id]/actions";
import { planProvisioningAction } from "@/app/(admin)/services/actions";
import { saveSalonAction } from "@/app/(admin)/settings/actions";
import { adminAction } from "@/lib/actions/admin-action";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { getDb } from "@/lib/db/client";
import { appointments, companies } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { zonedInstant } from "@/lib/time/zoned";
import { adminRequest, signInAs } from "../../support/admin-session";
import { makeSalon } from "../../support/factories";
import { useServerClock } from "../../support/clock";

vi.mock("next/headers", async () => (await import("../../support/admin-session")).fakeHeaders);
vi.mock("next/cache", async () => (await import("../../support/admin-session")).fakeCache);
vi.mock("@/lib/auth/auth", async () => (await import("../../support/admin-session")).fakeAuth);

const NOW = new Date("2027-02-26T12:00:00Z");
// The server clock too: nothing before it is offered or booked, whatever day the suite runs on.
useServerClock(NOW);
const EXPIRED = "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.";
const expired = { ok: false, message: EXPIRED, sessionExpired: true };
const companyRow = async (id: string) => (await getDb().select().from(companies).where(eq(companies.id, id)))[0]!;
const statusOf = async (id: number) =>
  (await getDb().select({ status: appointments.status }).from(appointments).where(eq(appointments.id, id)))[0]!.status;
const salonForm = (name: string) => {
  const data = new FormData();
  data.set("name", name);
  data.set("timeZone", "Europe/Berlin");
  return data;
};

async function bookedSalon() {
  const salon = await makeSalon();
  const start = zonedInstant("2027-03-01", 10 * 60, "Europe/Berlin");
  const customer = { name: "Siegfried Reu", phone: "0151 1234 5678" };
  const input = { serviceId: salon.cut.id, start, staffId: salon.anna.id, customer, now: NOW };
  const { appointment } = await bookAppointment({ ctx: salon.ctx, input });
  return { ...salon, appointment };
}

beforeEach(() => signInAs(null));

describe("adminAction: the one wrapper of the admin's server actions", () => {
  it("without a session: the German expiry message, sessionExpired, and nothing written", async () => {
    const { company, appointment } = await bookedSalon();
    const before = await companyRow(company.id);

    expect(await cancelAction(appointment.id)).toEqual(expired);
    expect(await saveSalonAction(salonForm("Neuer Name"))).toEqual(expired);
    expect(await planProvisioningAction()).toEqual({ ...expired, steps: [], webhooks: [] });

    expect(await statusOf(appointment.id)).toBe("confirmed");
    expect(await companyRow(company.id)).toEqual(before);
    expect(adminRequest.revalidated).toEqual([]);
  });

  it("checks the session before the arguments: bad input without a session is still an expired session", async () => {
    expect(await rescheduleAction(-1, null, new FormData())).toMatchObject({ sessionExpired: true, message: EXPIRED });
  });

  it("bad arguments: the schema's German sentence, and the verb never runs", async () => {
    const { company, appointment } = await bookedSalon();
    signInAs(company.id);
    const state = await rescheduleAction(appointment.id, null, new FormData());
    expect(state).toEqual({ ok: false, message: "Bitte einen freien Termin auswählen.", sessionExpired: false });
    expect(await statusOf(appointment.id)).toBe("confirmed");
    expect(adminRequest.revalidated).toEqual([]);
  });

  it("a verb's VALIDATION goes through the page's own mapper; the row stays as it was", async () => {
    const { company } = await makeSalon();
    signInAs(company.id);
    const before = await companyRow(company.id);
    const state = await saveSalonAction(salonForm("   "));
    expect(state?.ok).toBe(false);
    expect(state?.message).toMatch(/^Nicht gespeichert\. .*Namen des Salons/);
    expect(await companyRow(company.id)).toEqual(before);
  });

  it("an AppError becomes its German message; another company's appointment is not found", async () => {
    const { appointment } = await bookedSalon();
    const other = await makeSalon();
    signInAs(other.company.id);
    const state = await cancelAction(appointment.id);
    const message = "Nicht gefunden – vielleicht wurde es gerade gelöscht.";
    expect(state).toEqual({ ok: false, message, sessionExpired: false });
    expect(await statusOf(appointment.id)).toBe("confirmed");
  });

  it("an unexpected error leaks nothing: the generic German sentence", async () => {
    const { company } = await makeSalon();
    signInAs(company.id);
    const failing = adminAction(z.tuple([]), async () => {
      throw new Error("connection reset by peer");
    });
    const generic = "Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.";
    expect(await failing()).toEqual({ ok: false, message: generic });
    const refused = adminAction(z.tuple([]), async () => {
      throw new AppError("CONFLICT", "Schon vergeben.");
    });
    expect(await refused()).toEqual({ ok: false, message: "Schon vergeben.", sessionExpired: false });
  });

  it("success: the handler's state, the tenant's row written, the pages revalidated", async () => {
    const { company } = await makeSalon();
    signInAs(company.id);
    const state = await saveSalonAction(salonForm("Haarstudio Müller"));
    expect(state).toEqual({ ok: true, message: "Salondaten gespeichert." });
    expect((await companyRow(company.id)).name).toBe("Haarstudio Müller");
    expect(adminRequest.revalidated).toEqual(["/", "/settings"]);
  });

  it("hands the handler the signed-in company and the parsed arguments", async () => {
    const { company } = await makeSalon();
    signInAs(company.id);
    const echo = adminAction(z.tuple([z.coerce.number<number>()]), async ({ ctx, input: [n] }) => ({
      ok: true,
      message: `${ctx.company.id} ${ctx.actor.type} ${n + 1}`,
    }));
    expect(await echo(41)).toEqual({ ok: true, message: `${company.id} user 42` });
  });
});

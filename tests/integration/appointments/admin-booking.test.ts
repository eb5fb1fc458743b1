import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { createAppointmentAction } from "@/app/(admin)/appointments/new/actions";
import { setStatusAction } from "@/app/(admin)/appointments/[id]/actions";
import { getDb } from "@/lib/db/client";
import { appointmentEvents, appointmentPhases, appointments, customers, staffBusyIntervals } from "@/lib/db/schema";
import { zonedInstant } from "@/lib/time/zoned";
import { signInAs } from "../../support/admin-session";
import { useServerClock } from "../../support/clock";
import { makeSalon } from "../../support/factories";

vi.mock("next/headers", async () => (await import("../../support/admin-session")).fakeHeaders);
vi.mock("next/cache", async () => (await import("../../support/admin-session")).fakeCache);
vi.mock("@/lib/auth/auth", async () => (await import("../../support/admin-session")).fakeAuth);

const NOW = new Date("2027-03-15T08:00:00Z");
useServerClock(NOW);
const at = (hhmm: string, date = "2027-03-16") => {
  const [h, m] = hhmm.split(":").map(Number);
  return zonedInstant(date, h! * 60 + m!, "Europe/Berlin");
};

type Salon = Awaited<ReturnType<typeof makeSalon>>;

function formOf(fields: Record<string, string>): FormData {
  const data = new FormData();
  const all = { key: randomUUID(), staffId: "", customerId: "", name: "", phone: "", email: "", note: "", ...fields };
  for (const [k, v] of Object.entries(all)) data.set(k, v);
  return data;
}

/** The action's answer: the appointment it opened (a redirect), or the form state it returned. */
async function submit(
  data: FormData,
): Promise<{ openedId?: number; state?: Awaited<ReturnType<typeof createAppointmentAction>> }> {
  try {
    return { state: await createAppointmentAction(null, data) };
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    const match = /\/appointments\/(\d+)\?angelegt=1/.exec(digest);
    if (!match) throw error;
    return { openedId: Number(match[1]) };
  }
}

const count = async (companyId: string) => ({
  appointments: (await getDb().select().from(appointments).where(eq(appointments.companyId, companyId))).length,
  phases: (await getDb().select().from(appointmentPhases).where(eq(appointmentPhases.companyId, companyId))).length,
  busy: (await getDb().select().from(staffBusyIntervals).where(eq(staffBusyIntervals.companyId, companyId))).length,
  customers: (await getDb().select().from(customers).where(eq(customers.companyId, companyId))).length,
  events: (await getDb().select().from(appointmentEvents).where(eq(appointmentEvents.companyId, companyId))).length,
});

const syncJobs = async (id: number) =>
  (
    await getDb().execute(
      sql`select 1 from pgboss.job where name = 'calcom-sync' and (data->>'appointmentId')::int = ${id}`,
    )
  ).length;

const perm = (salon: Salon, fields: Record<string, string> = {}) =>
  formOf({
    serviceId: String(salon.perm.id),
    staffId: salon.anna.id,
    start: at("10:00").toISOString(),
    name: "Greta Kühn",
    phone: "0151 2222 3333",
    ...fields,
  });

describe("Neuer Termin: the admin books through the engine", () => {
  it("a composite service: appointment, phases, busy time, Cal.com job and a 'created' line with the admin", async () => {
    const salon = await makeSalon();
    signInAs(salon.company.id);
    const { openedId } = await submit(perm(salon, { note: "Erstkundin" }));
    expect(openedId).toBeGreaterThan(0);
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, openedId!));
    expect(row).toMatchObject({
      source: "admin",
      status: "confirmed",
      staffId: salon.anna.id,
      startsAt: at("10:00"),
      endsAt: at("12:15"),
      notes: "Erstkundin",
      calcomSyncStatus: "pending",
    });
    const phases = await getDb().select().from(appointmentPhases).where(eq(appointmentPhases.appointmentId, row!.id));
    expect(phases.map((p) => p.segmentKey).sort()).toEqual(["A", "B", "C", "D", "GAP_1", "GAP_2"]);
    const busy = await getDb().select().from(staffBusyIntervals).where(eq(staffBusyIntervals.appointmentId, row!.id));
    expect(busy.length).toBeGreaterThan(0);
    expect(await syncJobs(row!.id)).toBe(1);
    const events = await getDb().select().from(appointmentEvents).where(eq(appointmentEvents.appointmentId, row!.id));
    expect(events).toMatchObject([
      { kind: "created", actor: "admin", actorLabel: "Admin", callId: null, toStartsAt: at("10:00") },
    ]);
  });

  it("the same form sent twice books once and opens the same appointment", async () => {
    const salon = await makeSalon();
    signInAs(salon.company.id);
    const key = randomUUID();
    const first = await submit(perm(salon, { key }));
    const second = await submit(perm(salon, { key }));
    expect(second.openedId).toBe(first.openedId);
    expect(await count(salon.company.id)).toMatchObject({ appointments: 1, customers: 1, events: 1 });
  });

  it("a start that is taken meanwhile is refused in German and nothing is written", async () => {
    const salon = await makeSalon();
    signInAs(salon.company.id);
    await submit(perm(salon));
    const before = await count(salon.company.id);
    const { state, openedId } = await submit(
      perm(salon, { start: at("10:30").toISOString(), name: "Olga Neu", phone: "0151 9999 0000" }),
    );
    expect(openedId).toBeUndefined();
    expect(state).toMatchObject({
      ok: false,
      message: "Dieser Termin ist gerade vergeben worden – bitte eine andere Zeit wählen.",
      values: { name: "Olga Neu" },
    });
    expect(await count(salon.company.id)).toEqual(before);
  });

  it("'egal' lets the engine pick any free stylist", async () => {
    const salon = await makeSalon();
    signInAs(salon.company.id);
    const a = await submit(perm(salon, { staffId: "" }));
    const b = await submit(perm(salon, { staffId: "", name: "Olga Neu", phone: "" }));
    const rows = await getDb().select().from(appointments).where(eq(appointments.companyId, salon.company.id));
    expect([a.openedId, b.openedId].every(Boolean)).toBe(true);
    expect(new Set(rows.map((r) => r.staffId))).toEqual(new Set([salon.anna.id, salon.ben.id]));
  });

  it("a picked customer gets the booking — exactly that record, even beside a namesake on the same phone", async () => {
    const salon = await makeSalon();
    const same = { companyId: salon.company.id, name: "Greta Kühn", phone: "+4915122223333" };
    const [older] = await getDb().insert(customers).values(same).returning();
    const [picked] = await getDb().insert(customers).values(same).returning();
    signInAs(salon.company.id);
    const { openedId } = await submit(perm(salon, { customerId: String(picked!.id), name: "", phone: "" }));
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, openedId!));
    expect(row!.customerId).toBe(picked!.id);
    expect(row!.customerId).not.toBe(older!.id);
    expect(await count(salon.company.id)).toMatchObject({ customers: 2 });
  });

  it("another salon's customer, service or stylist never books; bad input writes nothing", async () => {
    const salon = await makeSalon();
    const other = await makeSalon();
    const [foreign] = await getDb()
      .insert(customers)
      .values({ companyId: other.company.id, name: "Fremde Kundin", phone: "+4915100000000" })
      .returning();
    signInAs(salon.company.id);
    const before = await count(salon.company.id);
    const cases: [Record<string, string>, string | RegExp][] = [
      [{ customerId: String(foreign!.id), name: "" }, "Kunde nicht gefunden."],
      [{ serviceId: String(other.perm.id) }, "Leistung nicht gefunden."],
      [{ staffId: other.anna.id }, /kein Termin möglich/],
      [{ name: "" }, "Bitte den Namen des Kunden angeben."],
      [{ phone: "12ab" }, "Die Telefonnummer ist ungültig."],
      [{ email: "jürgen@example.de" }, /E-Mail-Adresse ist ungültig/],
      [{ start: "" }, "Bitte eine freie Uhrzeit wählen."],
      [{ start: at("10:00", "2027-03-14").toISOString() }, /Vergangenheit|geschlossen/],
      [{ key: "doppelt" }, "Das Formular ist veraltet. Bitte die Seite neu laden."],
      [{ note: "x".repeat(501) }, "Die Notiz darf höchstens 500 Zeichen lang sein."],
    ];
    for (const [fields, message] of cases) {
      const { state, openedId } = await submit(perm(salon, fields));
      expect(openedId, JSON.stringify(fields)).toBeUndefined();
      expect(state?.ok).toBe(false);
      expect(state?.message).toMatch(message);
    }
    expect(await count(salon.company.id)).toEqual(before);
    expect((await count(other.company.id)).appointments).toBe(0);
  });

  it("without a session nothing is booked", async () => {
    const salon = await makeSalon();
    signInAs(null);
    const { state } = await submit(perm(salon));
    expect(state).toMatchObject({ ok: false, sessionExpired: true });
    expect((await count(salon.company.id)).appointments).toBe(0);
  });
});

describe("Erschienen / Nicht erschienen from the appointment page", () => {
  it("is refused before the start, works after it; another salon's appointment is not found", async () => {
    const salon = await makeSalon();
    signInAs(salon.company.id);
    const { openedId } = await submit(perm(salon));
    expect(await setStatusAction(openedId!, "no_show")).toMatchObject({
      ok: false,
      message: "Der Termin hat noch nicht begonnen – das geht erst ab seinem Beginn.",
    });
    const other = await makeSalon();
    signInAs(other.company.id);
    expect(await setStatusAction(openedId!, "no_show")).toMatchObject({ ok: false, message: /Nicht gefunden/ });
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, openedId!));
    expect(row!.status).toBe("confirmed");
  });
});

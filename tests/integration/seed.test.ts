import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { appointments, calcomEventMap, companies, serviceSegments, services, staff } from "@/lib/db/schema";
import { isDatabaseEmpty, seedDemo } from "@/dev/seed";

describe("demo salon", () => {
  const now = new Date("2026-11-21T11:00:00Z");
  let demoId: string;
  let secondId: string;

  beforeAll(async () => {
    expect(await isDatabaseEmpty(getDb())).toBe(true);
    const [demo, second] = await seedDemo(getDb(), now);
    demoId = demo!.companyId;
    secondId = second!.companyId;
  });

  it("is Salon Demo in Berlin with the agreed opening hours and agent id", async () => {
    const [company] = await getDb().select().from(companies).where(eq(companies.id, demoId));
    expect(company).toMatchObject({
      name: "Salon Demo",
      timeZone: "Europe/Berlin",
      retellAgentId: "agent_demo",
      slotGridMinutes: 15,
      holdMinutes: 5,
      allowGapBooking: false,
    });
    expect(company!.openingHours["1"]).toEqual([{ open: "09:00", close: "18:00" }]);
    expect(company!.openingHours["6"]).toEqual([{ open: "09:00", close: "14:00" }]);
    expect(company!.openingHours["7"]).toEqual([]);
    expect(await isDatabaseEmpty(getDb())).toBe(false);
  });

  it("has Fabian Spitzer twice, as the original system did, and at least three others", async () => {
    const rows = await getDb().select({ name: staff.name }).from(staff).where(eq(staff.companyId, demoId));
    expect(rows.filter((r) => r.name === "Fabian Spitzer")).toHaveLength(2);
    expect(new Set(rows.map((r) => r.name)).size).toBeGreaterThanOrEqual(4);
  });

  it("defines the Dauerwelle of seed 000 as 2 h 15 with two processing gaps", async () => {
    const [perm] = await getDb()
      .select()
      .from(services)
      .where(and(eq(services.companyId, demoId), eq(services.name, "Dauerwelle")));
    expect(perm).toMatchObject({ composite: true, durationMinutes: 135 });
    const segments = await getDb()
      .select()
      .from(serviceSegments)
      .where(eq(serviceSegments.serviceId, perm!.id))
      .orderBy(serviceSegments.sequenceOrder);
    expect(segments.map((s) => [s.key, s.name, s.durationMinutes, s.staffRequired])).toEqual([
      ["A", "Haare wickeln", 50, true],
      ["GAP_1", "Einwirkzeit", 15, false],
      ["B", "Fixierung auftragen", 5, true],
      ["GAP_2", "Einwirkzeit", 10, false],
      ["C", "Auswaschen & Pflege", 15, true],
      ["D", "Schneiden & Styling", 40, true],
    ]);
    const names = (
      await getDb().select({ name: services.name }).from(services).where(eq(services.companyId, demoId))
    ).map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "Ansatzfärbung",
        "Ansatz + Längenausgleich",
        "Komplette Umfärbung/Blondierung",
        "Herrenhaarschnitt",
        "Damenhaarschnitt",
        "Föhnen",
      ]),
    );
  });

  it("maps every staff-required segment of every service to an event type per qualified staff member", async () => {
    const [missing] = await getDb().execute<{ n: number }>(sql`
      select count(*)::int as n
        from staff_services ss
        join services s on s.id = ss.service_id
        left join service_segments seg on seg.service_id = s.id and seg.staff_required
        left join calcom_event_map m on m.service_id = s.id and m.staff_id = ss.staff_id
                                    and m.segment_key = coalesce(seg.key, 'A')
       where s.company_id = ${demoId} and m.id is null and (seg.id is not null or not s.composite)`);
    expect(missing!.n).toBe(0);
    const maps = await getDb().select().from(calcomEventMap).where(eq(calcomEventMap.companyId, demoId));
    expect(maps.length).toBeGreaterThan(30);
  });

  it("has weeks of appointments in every sync state, with calls", async () => {
    const rows = await getDb()
      .select({ status: appointments.calcomSyncStatus, n: sql<number>`count(*)::int` })
      .from(appointments)
      .where(eq(appointments.companyId, demoId))
      .groupBy(appointments.calcomSyncStatus);
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    for (const state of ["synced", "partial", "failed", "pending"]) expect(byStatus[state], state).toBeGreaterThan(0);
    const [span] = await getDb().execute<{ days: number; voice: number }>(sql`
      select extract(day from max(starts_at) - min(starts_at))::int as days,
             count(*) filter (where call_id is not null)::int as voice
        from appointments where company_id = ${demoId}`);
    expect(span!.days).toBeGreaterThanOrEqual(28);
    expect(span!.voice).toBeGreaterThan(100);
  });

  it("never lets one record's appointments overlap; the duplicate Fabian records carry seed-003's two overlaps", async () => {
    const overlaps = await getDb().execute<{ same: boolean; a: string; b: string; grouped: boolean }>(sql`
      select a.staff_id = b.staff_id as same, sa.name as a, sb.name as b,
             sa.person_group is not null and sa.person_group = sb.person_group as grouped
        from appointments a join staff sa on sa.id = a.staff_id
        join appointments b on b.id > a.id and b.company_id = a.company_id
        join staff sb on sb.id = b.staff_id
       where a.status <> 'cancelled' and b.status <> 'cancelled'
         and (a.staff_id = b.staff_id or (sa.name = sb.name and sa.company_id = sb.company_id))
         and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)`);
    // Both overlaps lie between the two records of one person, flagged as one: the merge must resolve them.
    expect(overlaps).toEqual([
      { same: false, a: "Fabian Spitzer", b: "Fabian Spitzer", grouped: true },
      { same: false, a: "Fabian Spitzer", b: "Fabian Spitzer", grouped: true },
    ]);
  });

  it("keeps the second company's data to itself", async () => {
    const [crossed] = await getDb().execute<{ n: number }>(sql`
      select count(*)::int as n from appointments a
        join staff s on s.id = a.staff_id join services v on v.id = a.service_id join customers c on c.id = a.customer_id
       where s.company_id <> a.company_id or v.company_id <> a.company_id or c.company_id <> a.company_id`);
    expect(crossed!.n).toBe(0);
    const [second] = await getDb().select().from(companies).where(eq(companies.id, secondId));
    expect(second!.retellAgentId).toBe("agent_nord");
    const secondAppointments = await getDb()
      .select({ id: appointments.id })
      .from(appointments)
      .where(eq(appointments.companyId, secondId));
    expect(secondAppointments.length).toBeGreaterThan(0);
  });
});

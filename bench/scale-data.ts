import { sql } from "drizzle-orm";
import type { Db } from "../lib/db/client";
import { companies, serviceSegments, services, staff, staffServices, staffWorkingHours } from "../lib/db/schema";
import { DAUERWELLE_SEGMENTS } from "../dev/seed/catalog";

export type ScaleOptions = {
  name: string;
  agentId: string;
  staffCount: number;
  /** Stylist names (default "Stylist 01" …); cycled with a number when fewer than staffCount. */
  staffNames?: string[];
  customers: number;
  calls: number;
  appointments: number;
  /** A Monday: appointments fill Mo–Sa from here on. */
  firstDay: string;
  /** Appointments per stylist and day, spread evenly over 08:00–20:00 (default 5: a full book). */
  perStaffPerDay?: number;
};

export type ScaleCompany = {
  companyId: string;
  staffIds: string[];
  staffNames: string[];
  serviceIds: { perm: number; cut: number };
};

/** Last day (exclusive) that holds appointments, for an options set: Mo–Sa, perStaffPerDay each. */
export function scaleLastDayOffset(
  options: Pick<ScaleOptions, "staffCount" | "appointments" | "perStaffPerDay">,
): number {
  const workingDays = Math.ceil(options.appointments / options.staffCount / (options.perStaffPerDay ?? 5));
  return Math.floor(workingDays / 6) * 7 + (workingDays % 6);
}

/**
 * A large salon for measurements, written with set-based SQL: `staffCount` stylists working
 * Mo–Sa 08:00–20:00, `customers`, `calls` over the last years, `appointments` (every third a
 * Dauerwelle with six phases) that never overlap, each with its busy interval.
 */
export async function createScaleCompany(db: Db, options: ScaleOptions): Promise<ScaleCompany> {
  const perDay = options.perStaffPerDay ?? 5;
  const spacing = Math.floor(720 / perDay);
  if (spacing < 135)
    throw new Error(`perStaffPerDay ${perDay} leaves ${spacing} minutes per appointment; a Dauerwelle needs 135`);
  const names = Array.from({ length: options.staffCount }, (_, i) => {
    const given = options.staffNames?.[i % (options.staffNames.length || 1)];
    if (!given) return `Stylist ${String(i + 1).padStart(2, "0")}`;
    return i < options.staffNames!.length ? given : `${given} ${Math.floor(i / options.staffNames!.length) + 1}`;
  });
  const weekdays = Object.fromEntries(
    ["1", "2", "3", "4", "5", "6"].map((d) => [d, [{ open: "08:00", close: "20:00" }]]),
  );
  const [company] = await db
    .insert(companies)
    .values({ name: options.name, retellAgentId: options.agentId, openingHours: { ...weekdays, "7": [] } })
    .returning();
  const companyId = company!.id;
  const members = await db
    .insert(staff)
    .values(names.map((name, i) => ({ companyId, name, calcomUserId: 700_000 + i })))
    .returning({ id: staff.id });
  const staffIds = members.map((m) => m.id);
  await db
    .insert(staffWorkingHours)
    .values(
      staffIds.flatMap((staffId) =>
        [1, 2, 3, 4, 5, 6].map((weekday) => ({ companyId, staffId, weekday, startTime: "08:00", endTime: "20:00" })),
      ),
    );
  const [perm] = await db
    .insert(services)
    .values({ companyId, name: "Dauerwelle", durationMinutes: 135, composite: true })
    .returning();
  const [cut] = await db
    .insert(services)
    .values({
      companyId,
      name: "Herrenhaarschnitt",
      durationMinutes: 30,
      synonyms: ["Herrenschnitt", "Männerhaarschnitt"],
    })
    .returning();
  await db.insert(serviceSegments).values(
    DAUERWELLE_SEGMENTS.map(([key, name, minutes, required], i) => ({
      companyId,
      serviceId: perm!.id,
      key,
      name,
      durationMinutes: minutes,
      staffRequired: required,
      sequenceOrder: i + 1,
    })),
  );
  await db
    .insert(staffServices)
    .values(staffIds.flatMap((staffId) => [perm!.id, cut!.id].map((serviceId) => ({ companyId, staffId, serviceId }))));

  await db.execute(sql`
    insert into customers (company_id, name, phone, email)
    select ${companyId}::uuid, 'Kunde ' || g, '+4917' || lpad(g::text, 9, '0'), case when g % 3 = 0 then 'kunde' || g || '@example.de' end
      from generate_series(1, ${options.customers}) g`);
  const [{ first_customer }] = (await db.execute<{ first_customer: number }>(
    sql`select min(id)::int as first_customer from customers where company_id = ${companyId}`,
  )) as unknown as [{ first_customer: number }];

  await db.execute(sql`
    insert into calls (company_id, retell_call_id, agent_id, customer_id, from_number, to_number, direction, status, started_at, ended_at, duration_seconds, summary, sentiment, outcome)
    select ${companyId}::uuid, 'call_bench_' || ${companyId}::text || '_' || g, ${options.agentId}, ${first_customer} + (g % ${options.customers}),
           '+4917' || lpad(((g % ${options.customers}) + 1)::text, 9, '0'), '+4930123456', 'inbound', 'ended',
           now() - (g * interval '11 minutes'), now() - (g * interval '11 minutes') + interval '2 minutes', 60 + g % 180,
           'Testanruf ' || g, (array['Positive','Neutral','Negative'])[1 + g % 3], (array['booked','booked','no_booking','info','cancelled'])[1 + g % 5]
      from generate_series(1, ${options.calls}) g`);

  // Calls get consecutive ids in one insert: every second appointment came from one of them.
  const [{ first_call }] = (await db.execute<{ first_call: number | null }>(
    sql`select min(id)::int as first_call from calls where company_id = ${companyId}`,
  )) as unknown as [{ first_call: number | null }];

  // Slot n of a stylist: day n / perDay from firstDay (skipping Sundays), 08:00 + (n % perDay) × spacing.
  await db.execute(sql`
    with slots as (
      select g, (g % ${options.staffCount}) as s, g / ${options.staffCount} as n from generate_series(0, ${options.appointments - 1}) g
    ), timed as (
      select g, s, n, (${options.firstDay}::date + ((n / ${perDay}) / 6 * 7 + (n / ${perDay}) % 6)) as day, (n % ${perDay}) as k from slots
    )
    insert into appointments (company_id, customer_id, service_id, staff_id, starts_at, ends_at, status, source, calcom_sync_status, requires_manual_review, call_id)
    select ${companyId}::uuid, ${first_customer}::bigint + (g % ${options.customers}),
           case when g % 3 = 0 then ${perm!.id}::bigint else ${cut!.id}::bigint end,
           (${sql.raw(`array[${staffIds.map((id) => `'${id}'::uuid`).join(",")}]`)})[s + 1],
           ((day + time '08:00' + k * ${spacing} * interval '1 minute') at time zone 'Europe/Berlin'),
           ((day + time '08:00' + k * ${spacing} * interval '1 minute') at time zone 'Europe/Berlin') + case when g % 3 = 0 then interval '135 minutes' else interval '30 minutes' end,
           (case when g % 17 = 0 then 'cancelled' when day < current_date then 'completed' else 'confirmed' end)::appointment_status,
           'voice',
           (array['synced','synced','synced','synced','synced','synced','pending','partial','failed'])[1 + g % 9]::appointment_sync_status,
           g % 9 >= 7, ${first_call === null ? null : sql`case when g % 2 = 0 then ${first_call}::bigint + (g % ${options.calls}) end`}
      from timed`);
  await db.execute(sql`
    insert into appointment_phases (company_id, appointment_id, staff_id, segment_key, segment_name, start_time, end_time, duration_minutes, staff_required, sequence_order, calcom_sync_status)
    select a.company_id, a.id, a.staff_id, seg.key, seg.name,
           a.starts_at + coalesce((select sum(s2.duration_minutes) from service_segments s2 where s2.service_id = seg.service_id and s2.sequence_order < seg.sequence_order), 0) * interval '1 minute',
           a.starts_at + (select sum(s2.duration_minutes) from service_segments s2 where s2.service_id = seg.service_id and s2.sequence_order <= seg.sequence_order) * interval '1 minute',
           seg.duration_minutes, seg.staff_required, seg.sequence_order, case when seg.staff_required then 'synced'::phase_sync_status end
      from appointments a join service_segments seg on seg.service_id = a.service_id
     where a.company_id = ${companyId}
    union all
    select a.company_id, a.id, a.staff_id, 'A', 'Herrenhaarschnitt', a.starts_at, a.ends_at, 30, true, 1, 'synced'
      from appointments a where a.company_id = ${companyId} and a.service_id = ${cut!.id}::bigint`);
  await db.execute(sql`
    insert into staff_busy_intervals (company_id, staff_id, during, kind, appointment_id)
    select company_id, staff_id, tstzrange(starts_at, ends_at), 'appointment'::busy_kind, id from appointments where company_id = ${companyId} and status <> 'cancelled'`);
  await db.execute(sql`analyze`);
  return { companyId, staffIds, staffNames: names, serviceIds: { perm: perm!.id, cut: cut!.id } };
}

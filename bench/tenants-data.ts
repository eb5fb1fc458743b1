import type postgres from "postgres";
import { DAUERWELLE_SEGMENTS } from "../dev/seed/catalog";
import { addDays, type LocalDate } from "../lib/time/zoned";
import { mondayOnOrBefore, STYLISTS } from "./seed";

/**
 * Many salons in one database (bench item 8): `salons` salons with 10 stylists, 8 services (two of
 * them composite), 300 customers, 1 000 calls (two function calls each) and 1 000 appointments each,
 * with their phases, busy time, sync runs and Cal.com requests — written with set-based SQL, one batch
 * of salons per round, so 1 000 salons (≈ 11 M rows) load in minutes.
 */

export type TenantSeedOptions = {
  salons: number;
  /** The day the bench runs: appointments fill the weeks around it (from three Mondays back, ~5½ weeks). */
  today: LocalDate;
  /** The instant calls are dated back from (default: now); appointments before `today` are completed. */
  now?: Date;
  appointmentsPerSalon?: number;
  callsPerSalon?: number;
  customersPerSalon?: number;
  /** Salons per round (default 50); a progress line after each. */
  batch?: number;
  progress?: (line: string) => void;
};

export type TenantSalon = {
  companyId: string;
  agentId: string;
  staffIds: string[];
  staffNames: string[];
};

export type TenantSeed = {
  salons: TenantSalon[];
  /** First day with appointments (a Monday) and the first day after the last. */
  firstDay: LocalDate;
  lastDay: LocalDate;
  rows: Record<string, number>;
  ms: number;
};

type Service = { name: string; minutes: number; segments?: [string, string, number, boolean][]; synonyms?: string[] };

/** Position 1 and 2 are the composites; appointments pick them by that position. */
export const TENANT_SERVICES: Service[] = [
  { name: "Dauerwelle", minutes: 135, segments: DAUERWELLE_SEGMENTS },
  {
    name: "Strähnen",
    minutes: 120,
    segments: [
      ["A", "Strähnen einarbeiten", 45, true],
      ["GAP_1", "Einwirkzeit", 30, false],
      ["B", "Auswaschen", 10, true],
      ["GAP_2", "Einwirkzeit Pflege", 10, false],
      ["C", "Föhnen & Styling", 25, true],
    ],
  },
  { name: "Herrenhaarschnitt", minutes: 30, synonyms: ["Herrenschnitt", "Männerhaarschnitt"] },
  { name: "Damenhaarschnitt", minutes: 45, synonyms: ["Damenschnitt"] },
  { name: "Kinderhaarschnitt", minutes: 20 },
  { name: "Bartpflege", minutes: 15 },
  { name: "Föhnen", minutes: 30 },
  { name: "Färben", minutes: 60 },
];

const PER_STAFF_PER_DAY = 3;
const STAFF = 10;
export const tenantAgentId = (n: number) => `agent_bench_tenant_${String(n).padStart(4, "0")}`;

export async function seedTenants(sql: postgres.Sql, options: TenantSeedOptions): Promise<TenantSeed> {
  const appointments = options.appointmentsPerSalon ?? 1_000;
  const calls = options.callsPerSalon ?? 1_000;
  const customers = options.customersPerSalon ?? 300;
  const batch = options.batch ?? 50;
  const firstDay = mondayOnOrBefore(addDays(options.today, -21));
  const workingDays = Math.ceil(appointments / STAFF / PER_STAFF_PER_DAY);
  const lastDay = addDays(firstDay, Math.floor(workingDays / 6) * 7 + (workingDays % 6));
  const hours = Object.fromEntries(
    ["1", "2", "3", "4", "5", "6", "7"].map((d) => [d, d === "7" ? [] : [{ open: "08:00", close: "20:00" }]]),
  );
  const started = Date.now();
  const now = (options.now ?? new Date()).toISOString();
  const salons: TenantSalon[] = [];

  for (let from = 1; from <= options.salons; from += batch) {
    const to = Math.min(options.salons, from + batch - 1);
    await sql.begin(async (tx) => {
      const companies = await tx<{ id: string; agent_id: string }[]>`
        insert into companies (name, retell_agent_id, opening_hours)
        select 'Mandant ' || lpad(g::text, 4, '0'), 'agent_bench_tenant_' || lpad(g::text, 4, '0'), ${JSON.stringify(hours)}::jsonb
          from generate_series(${from}::int, ${to}::int) g order by g
        returning id, retell_agent_id as agent_id`;
      const ids = companies.map((c) => c.id);
      await tx`
        insert into staff (company_id, name)
        select c, s.name from unnest(${ids}::uuid[]) c cross join unnest(${STYLISTS}::text[]) with ordinality s(name, i)
         order by c, s.i`;
      await tx`
        insert into staff_working_hours (company_id, staff_id, weekday, start_time, end_time)
        select company_id, id, w, '08:00', '20:00' from staff cross join generate_series(1, 6) w where company_id = any(${ids}::uuid[])`;
      await tx`
        insert into services (company_id, name, duration_minutes, composite, synonyms)
        select c, s.name, s.minutes, s.composite, s.synonyms
          from unnest(${ids}::uuid[]) c
         cross join jsonb_to_recordset(${JSON.stringify(
           TENANT_SERVICES.map((s, i) => ({
             i,
             name: s.name,
             minutes: s.minutes,
             composite: !!s.segments,
             synonyms: `{${(s.synonyms ?? []).join(",")}}`,
           })),
         )}::jsonb) s(i int, name text, minutes int, composite boolean, synonyms text[])
         order by c, s.i`;
      await tx`
        insert into service_segments (company_id, service_id, key, name, duration_minutes, staff_required, sequence_order)
        select sv.company_id, sv.id, seg.key, seg.name, seg.minutes, seg.required, seg.i
          from services sv
          join jsonb_to_recordset(${JSON.stringify(
            TENANT_SERVICES.flatMap((s) =>
              (s.segments ?? []).map(([key, name, minutes, required], i) => ({
                service: s.name,
                key,
                name,
                minutes,
                required,
                i: i + 1,
              })),
            ),
          )}::jsonb) seg(service text, key text, name text, minutes int, required boolean, i int) on seg.service = sv.name
         where sv.company_id = any(${ids}::uuid[])`;
      await tx`
        insert into staff_services (company_id, staff_id, service_id)
        select s.company_id, s.id, sv.id from staff s join services sv on sv.company_id = s.company_id
         where s.company_id = any(${ids}::uuid[])`;
      await tx`
        insert into customers (company_id, name, phone, email)
        select c, 'Kunde ' || g, '+49170' || lpad(g::text, 7, '0'), case when g % 3 = 0 then 'kunde' || g || '@example.de' end
          from unnest(${ids}::uuid[]) with ordinality u(c, o) cross join generate_series(1, ${customers}::int) g
         order by o, g`;
      // Per salon: its first customer and call id (inserted in order, so ids are consecutive), its
      // stylists and its services in catalog order.
      await tx`
        create temporary table salon_keys on commit drop as
        select c.id as company_id, c.retell_agent_id as agent_id,
               (select min(id) from customers where company_id = c.id) as first_customer, null::bigint as first_call,
               (select array_agg(id order by name) from staff where company_id = c.id) as staff_ids,
               (select array_agg(sv.id order by array_position(${TENANT_SERVICES.map((s) => s.name)}::text[], sv.name))
                  from services sv where sv.company_id = c.id) as service_ids
          from companies c where c.id = any(${ids}::uuid[])`;
      await tx`
        insert into calls (company_id, retell_call_id, agent_id, customer_id, from_number, to_number, direction, status,
                           started_at, ended_at, duration_seconds, summary, sentiment, outcome)
        select k.company_id, 'call_bench_' || k.company_id || '_' || g, k.agent_id, k.first_customer + g % ${customers}::int,
               '+49170' || lpad((g % ${customers}::int + 1)::text, 7, '0'), '+4930123456', 'inbound', 'ended',
               ${now}::timestamptz - g * interval '61 minutes', ${now}::timestamptz - g * interval '61 minutes' + interval '3 minutes',
               60 + g % 240,
               'Anruf ' || g, (array['Positive','Neutral','Negative'])[1 + g % 3],
               (array['booked','booked','no_booking','info','cancelled'])[1 + g % 5]
          from salon_keys k cross join generate_series(1, ${calls}::int) g
         order by k.company_id, g`;
      await tx`update salon_keys k set first_call = (select min(id) from calls where company_id = k.company_id)`;
      await tx`
        insert into function_calls (company_id, call_id, name, args, result, latency_ms, created_at)
        select c.company_id, c.id, f.name, f.args, f.result, 8 + (c.id * 7 + f.i) % 40, c.started_at + f.i * interval '40 seconds'
          from calls c
         cross join (values (1, 'check_availability', '{"service":"Herrenhaarschnitt","date":"morgen"}'::jsonb, '{"ok":true,"available":true}'::jsonb),
                            (2, 'book_appointment', '{"service":"Herrenhaarschnitt","customer_name":"Kunde"}'::jsonb, '{"ok":true,"booked":true}'::jsonb)) f(i, name, args, result)
         where c.company_id = any(${ids}::uuid[])`;
      // Appointment g of a salon: stylist g % 10, their n-th (g / 10): working day n / 3 from firstDay,
      // 08:00, 12:00 or 16:00; services: 20 % Dauerwelle, 20 % Strähnen, the rest the six simple ones.
      await tx`
        with slots as (
          select k.*, g, g % ${STAFF}::int as s, g / ${STAFF}::int as n,
                 case when g % 5 = 0 then 1 when g % 5 = 1 then 2 else 3 + (g / 5) % 6 end as service_pos
            from salon_keys k cross join generate_series(0, ${appointments - 1}::int) g
        ), timed as (
          select *, (${firstDay}::date + ((n / ${PER_STAFF_PER_DAY}) / 6 * 7 + (n / ${PER_STAFF_PER_DAY}) % 6)) as day,
                 (n % ${PER_STAFF_PER_DAY}) * 240 as minute
            from slots
        )
        insert into appointments (company_id, customer_id, service_id, staff_id, starts_at, ends_at, status, source,
                                  calcom_sync_status, requires_manual_review, call_id)
        select t.company_id, t.first_customer + t.g % ${customers}::int, t.service_ids[t.service_pos], t.staff_ids[t.s + 1],
               (t.day + time '08:00' + t.minute * interval '1 minute') at time zone 'Europe/Berlin',
               (t.day + time '08:00' + t.minute * interval '1 minute') at time zone 'Europe/Berlin' + sv.duration_minutes * interval '1 minute',
               (case when t.g % 17 = 0 then 'cancelled' when t.day < ${options.today}::date then 'completed' else 'confirmed' end)::appointment_status,
               case when t.g % 4 = 0 then 'admin' else 'voice' end,
               (array['synced','synced','synced','synced','synced','synced','synced','synced','synced','synced','synced','pending','failed'])[1 + t.g % 13]::appointment_sync_status,
               t.g % 97 = 0,
               case when t.g % 2 = 0 then t.first_call + t.g % ${calls}::int end
          from timed t join services sv on sv.id = t.service_ids[t.service_pos]
         order by t.company_id, t.g`;
      await tx`
        insert into appointment_phases (company_id, appointment_id, staff_id, segment_key, segment_name, start_time, end_time,
                                        duration_minutes, staff_required, sequence_order, calcom_sync_status, calcom_booking_uid)
        select a.company_id, a.id, a.staff_id, seg.key, seg.name,
               a.starts_at + (seg.offset_minutes) * interval '1 minute',
               a.starts_at + (seg.offset_minutes + seg.duration_minutes) * interval '1 minute',
               seg.duration_minutes, seg.staff_required, seg.sequence_order,
               case when seg.staff_required then 'synced'::phase_sync_status end,
               case when seg.staff_required then 'bk_' || a.id || '_' || seg.sequence_order end
          from appointments a
          join (select s.*, coalesce(sum(s.duration_minutes) over (partition by s.service_id order by s.sequence_order
                       rows between unbounded preceding and 1 preceding), 0) as offset_minutes
                  from service_segments s where s.company_id = any(${ids}::uuid[])) seg on seg.service_id = a.service_id
         where a.company_id = any(${ids}::uuid[])
        union all
        select a.company_id, a.id, a.staff_id, 'A', sv.name, a.starts_at, a.ends_at, sv.duration_minutes, true, 1, 'synced',
               'bk_' || a.id || '_1'
          from appointments a join services sv on sv.id = a.service_id and not sv.composite
         where a.company_id = any(${ids}::uuid[])`;
      await tx`
        insert into staff_busy_intervals (company_id, staff_id, during, kind, appointment_id)
        select company_id, staff_id, tstzrange(starts_at, ends_at), 'appointment', id
          from appointments where company_id = any(${ids}::uuid[]) and status <> 'cancelled'`;
      await tx`
        insert into sync_runs (company_id, appointment_id, kind, trigger, action, attempt, composite, outcome,
                               phases_total, phases_synced, started_at, duration_ms)
        select a.company_id, a.id, 'sync', 'auto', 'create', 1, sv.composite,
               case when a.calcom_sync_status = 'failed' then 'failed' else 'synced' end,
               p.required, case when a.calcom_sync_status = 'failed' then 0 else p.required end,
               a.created_at, 250 + (a.id * 37) % 1500
          from appointments a join services sv on sv.id = a.service_id
          join lateral (select count(*)::int as required from appointment_phases ph
                         where ph.appointment_id = a.id and ph.staff_required) p on true
         where a.company_id = any(${ids}::uuid[]) and a.calcom_sync_status <> 'pending'`;
      await tx`
        insert into sync_attempts (company_id, appointment_id, phase_id, action, method, path, http_status, latency_ms, created_at)
        select p.company_id, p.appointment_id, p.id, 'create', 'POST', '/v2/bookings', 201, 80 + (p.id * 13) % 270, p.created_at
          from appointment_phases p where p.company_id = any(${ids}::uuid[]) and p.staff_required`;
      const keys = await tx<{ company_id: string; agent_id: string; staff_ids: string[] }[]>`
        select company_id, agent_id, staff_ids from salon_keys order by agent_id`;
      const names = [...STYLISTS].sort();
      for (const k of keys)
        salons.push({ companyId: k.company_id, agentId: k.agent_id, staffIds: k.staff_ids, staffNames: names });
    });
    options.progress?.(
      `Salons ${to}/${options.salons} · ${to * appointments} Termine · ${Math.round((Date.now() - started) / 1000)} s`,
    );
  }
  await sql.unsafe("vacuum (analyze)");
  const tables = [
    "companies",
    "staff",
    "customers",
    "calls",
    "function_calls",
    "appointments",
    "appointment_phases",
    "staff_busy_intervals",
    "sync_runs",
    "sync_attempts",
  ];
  const counted = await sql.unsafe<{ relation: string; n: number }[]>(
    tables.map((t) => `select '${t}' as relation, count(*)::int as n from ${t}`).join(" union all "),
  );
  return {
    salons,
    firstDay,
    lastDay,
    rows: Object.fromEntries(counted.map((r) => [r.relation, Number(r.n)])),
    ms: Date.now() - started,
  };
}

import { sql } from "drizzle-orm";
import { type DbOrTx, staffBusyIntervals } from "../db";
import type { PlannedPhase } from "./phases";
import { blockingIntervals } from "./phases";

export type BusyInterval = {
  staffId: string;
  start: Date;
  end: Date;
  kind: "appointment" | "hold" | "external";
  appointmentId: number | null;
};

const range = (start: Date, end: Date) =>
  sql`tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz)`;

/**
 * Everything that keeps these staff members busy in [from, to): appointments, unexpired holds
 * (except the asking call's own: a caller is never told their own hold makes a time taken, also
 * when they change the service at that minute) and external busy times from Cal.com.
 */
export async function loadBusy(
  db: DbOrTx,
  input: {
    companyId: string;
    staffIds: string[];
    from: Date;
    to: Date;
    ownHold?: { callId: number };
    ignoreAppointmentId?: number;
  },
): Promise<BusyInterval[]> {
  if (input.staffIds.length === 0) return [];
  const ids = sql`array[${sql.join(
    input.staffIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]`;
  const own = input.ownHold;
  const rows = await db.execute<{
    staff_id: string;
    starts: Date | string;
    ends: Date | string;
    kind: BusyInterval["kind"];
    appointment_id: number | null;
  }>(sql`
    select b.staff_id, lower(b.during) as starts, upper(b.during) as ends, b.kind::text as kind, b.appointment_id
      from staff_busy_intervals b
      left join slot_holds h on h.id = b.hold_id
     where b.company_id = ${input.companyId}::uuid and b.staff_id = any(${ids}) and b.during && ${range(input.from, input.to)}
       and (b.kind = 'appointment' or b.expires_at > now())
       ${own ? sql`and not (b.kind = 'hold' and h.call_id = ${own.callId})` : sql``}
       ${input.ignoreAppointmentId ? sql`and b.appointment_id is distinct from ${input.ignoreAppointmentId}` : sql``}
    union all
    select e.staff_id, e.starts_at, e.ends_at, 'external', null
      from external_busy_times e
     where e.company_id = ${input.companyId}::uuid and e.staff_id = any(${ids}) and e.starts_at < ${input.to.toISOString()}::timestamptz and e.ends_at > ${input.from.toISOString()}::timestamptz`);
  return rows.map((r) => ({
    staffId: r.staff_id,
    start: r.starts instanceof Date ? r.starts : new Date(r.starts),
    end: r.ends instanceof Date ? r.ends : new Date(r.ends),
    kind: r.kind,
    appointmentId: r.appointment_id === null ? null : Number(r.appointment_id),
  }));
}

/** Tenant first: the exclusion constraint's index leads with company_id (migration 0019). */
const staffFilter = (only?: { companyId: string; staffIds: string[] }) =>
  only
    ? sql`and company_id = ${only.companyId}::uuid and staff_id = any(array[${sql.join(
        only.staffIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}])`
    : sql``;

/**
 * Expired holds count for nothing: drop their busy rows (optionally only these staff members')
 * before inserting, so a stale hold can never cause a false conflict.
 */
export function dropExpiredHolds(tx: DbOrTx, only?: { companyId: string; staffIds: string[] }): Promise<number> {
  return tx
    .execute<{ id: number }>(
      sql`
    with gone as (
      delete from staff_busy_intervals where kind = 'hold' and expires_at <= now() ${staffFilter(only)} returning hold_id
    )
    update slot_holds set status = 'expired' where status = 'active' and id in (select hold_id from gone) returning id`,
    )
    .then((rows) => rows.length);
}

type Owner = { companyId: string; staffId: string } & (
  | { kind: "appointment"; appointmentId: number; phaseIds: Map<number, number> }
  | { kind: "hold"; holdId: number; expiresAt: Date }
);

/** Inserts the busy rows for an appointment or hold; an overlap raises 23P01 from the exclusion constraint. */
export async function insertBusy(
  tx: DbOrTx,
  owner: Owner,
  phases: PlannedPhase[],
  allowGapBooking: boolean,
): Promise<void> {
  const rows = blockingIntervals(phases, allowGapBooking).map((interval) => ({
    companyId: owner.companyId,
    staffId: owner.staffId,
    during: `[${interval.start.toISOString()},${interval.end.toISOString()})`,
    kind: owner.kind,
    appointmentId: owner.kind === "appointment" ? owner.appointmentId : null,
    phaseId:
      owner.kind === "appointment" && interval.sequenceOrder !== null
        ? (owner.phaseIds.get(interval.sequenceOrder) ?? null)
        : null,
    holdId: owner.kind === "hold" ? owner.holdId : null,
    expiresAt: owner.kind === "hold" ? owner.expiresAt : null,
  }));
  if (rows.length) await tx.insert(staffBusyIntervals).values(rows);
}

/** Busy rows for appointments written without the engine (demo data, imports), by the company's rule. */
export async function insertBusyForExistingAppointments(tx: DbOrTx, companyId: string): Promise<void> {
  await tx.execute(sql`
    insert into staff_busy_intervals (company_id, staff_id, during, kind, appointment_id, phase_id)
    select a.company_id, a.staff_id, tstzrange(a.starts_at, a.ends_at), 'appointment'::busy_kind, a.id, null
      from appointments a join companies c on c.id = a.company_id
     where a.company_id = ${companyId} and a.status <> 'cancelled' and not c.allow_gap_booking
       and not exists (select 1 from staff_busy_intervals b where b.appointment_id = a.id)
    union all
    select p.company_id, p.staff_id, tstzrange(p.start_time, p.end_time), 'appointment'::busy_kind, p.appointment_id, p.id
      from appointment_phases p join appointments a on a.id = p.appointment_id join companies c on c.id = a.company_id
     where a.company_id = ${companyId} and a.status <> 'cancelled' and c.allow_gap_booking and p.staff_required
       and not exists (select 1 from staff_busy_intervals b where b.appointment_id = a.id)`);
}

/**
 * Queues writers per person: concurrent bookings of one stylist (and of every record of her while a
 * duplicate pair is unresolved) wait for each other instead of deadlocking inside the exclusion
 * constraint or the person trigger. FOR NO KEY UPDATE leaves foreign-key checks free.
 */
export function lockStaff(tx: DbOrTx, staffId: string): Promise<void> {
  // All records of the person (a flagged duplicate pair), in id order like the trigger of migration 0013.
  return tx
    .execute(
      sql`select id from staff where id = ${staffId} or person_group = (select person_group from staff where id = ${staffId}) order by id for no key update`,
    )
    .then(() => undefined);
}

/*
 * lockStaff, dropExpiredHolds and endActiveHolds start their statement the moment they are called
 * (no await before it): called one after another inside Promise.all on a transaction, they are sent
 * together and PostgreSQL runs them in exactly that order (pinned by pipelined-order.test.ts).
 */

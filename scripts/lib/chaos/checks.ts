import type postgres from "postgres";

/** What the database and the Cal.com simulator hold after a chaos round, compared. */

/** One round's figures as `npm run test:chaos -- --json=<file>` writes them (bench item 9 reads them). */
export type ChaosRoundFigures = {
  round: number;
  webBackMs: number | null;
  workerBackMs: number | null;
  firstBookingMs: number | null;
  drainedMs: number;
  calls: number;
  internal: number;
};

export const SYNC_QUEUES = ["calcom-sync", "calcom-reverify"];

type SimBooking = { uid: string; status: string; metadata: Record<string, string> };

export type SyncAudit = {
  appointments: number;
  staffPhases: number;
  /** Appointments not (yet) "synced". */
  unsynced: number[];
  /** Phases without exactly one accepted Cal.com booking, or whose stored uid is not that booking. */
  phaseProblems: string[];
  /** Accepted Cal.com bookings of these appointments that belong to no current phase: duplicates or strays. */
  extraBookings: string[];
};

export async function appointmentsSince(sql: postgres.Sql, companyId: string, since: Date) {
  return sql<{ id: number; status: string; sync: string }[]>`
    select id::int as id, status::text as status, calcom_sync_status::text as sync
      from appointments where company_id = ${companyId} and created_at >= ${since} order by id`;
}

export async function auditSync(sql: postgres.Sql, simUrl: string, companyId: string, since: Date): Promise<SyncAudit> {
  const rows = await appointmentsSince(sql, companyId, since);
  const ids = rows.map((r) => r.id);
  const phases = ids.length
    ? await sql<{ id: number; appointment_id: number; uid: string | null; status: string | null }[]>`
        select id::int as id, appointment_id::int as appointment_id, calcom_booking_uid as uid,
               calcom_sync_status::text as status
          from appointment_phases where appointment_id in ${sql(ids)} and staff_required order by id`
    : [];
  const response = await fetch(`${simUrl}/__sim/bookings?status=accepted`);
  const all = (await response.json()) as SimBooking[];
  const ours = all.filter((b) => ids.includes(Number(b.metadata?.crm_appointment_id)));
  const byPhase = new Map<string, SimBooking[]>();
  for (const b of ours) byPhase.set(b.metadata.crm_phase_id!, [...(byPhase.get(b.metadata.crm_phase_id!) ?? []), b]);
  const phaseProblems: string[] = [];
  for (const p of phases) {
    const held = byPhase.get(String(p.id)) ?? [];
    if (held.length !== 1)
      phaseProblems.push(`phase ${p.id} (appointment ${p.appointment_id}): ${held.length} bookings`);
    else if (held[0]!.uid !== p.uid) phaseProblems.push(`phase ${p.id}: stored uid ${p.uid}, Cal.com ${held[0]!.uid}`);
  }
  const phaseIds = new Set(phases.map((p) => String(p.id)));
  return {
    appointments: rows.length,
    staffPhases: phases.length,
    unsynced: rows.filter((r) => r.status === "confirmed" && r.sync !== "synced").map((r) => r.id),
    phaseProblems,
    extraBookings: ours.filter((b) => !phaseIds.has(b.metadata.crm_phase_id ?? "")).map((b) => b.uid),
  };
}

/** Sync jobs not finished (waiting, retrying, running) and those that failed for good since `since`. */
export async function jobStates(sql: postgres.Sql, since: Date) {
  const [row] = await sql<{ open: number; active: number; failed: number }[]>`
    select count(*) filter (where state in ('created', 'retry', 'active'))::int as open,
           count(*) filter (where state = 'active')::int as active,
           count(*) filter (where state = 'failed' and created_on >= ${since})::int as failed
      from pgboss.job where name in ${sql(SYNC_QUEUES)}`;
  return row!;
}

/**
 * The worker's first marks in the queue after `after`: a job it started, a job whose end it recorded
 * (either needs its connections back), and the first sync job the web enqueued.
 */
export async function workerMarksAfter(sql: postgres.Sql, after: Date) {
  const [row] = await sql<{ started: Date | null; ended: Date | null; created: Date | null }[]>`
    select min(started_on) filter (where started_on >= ${after}) as started,
           min(completed_on) filter (where completed_on >= ${after}) as ended,
           min(created_on) filter (where created_on >= ${after} and name = 'calcom-sync') as created
      from pgboss.job`;
  return row!;
}

/** When the worker's queue connections (pg-boss, polling every second) were opened again after `after`. */
export async function workerConnectedAfter(sql: postgres.Sql, after: Date): Promise<Date | null> {
  const [row] = await sql<{ at: Date | null }[]>`
    select min(backend_start) as at from pg_stat_activity
     where application_name = 'slotdesk-worker' and backend_start >= ${after}`;
  return row?.at ?? null;
}

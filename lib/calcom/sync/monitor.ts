import { and, asc, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../context";
import { appointments, customers, services, staff } from "../../db";
import { rows } from "../../metrics";

export type SeriesPoint = {
  bucket: Date;
  total: number;
  synced: number;
  rate: number | null;
  p50: number | null;
  p95: number | null;
};

/** Sync runs per hour (24 h) or day (7 d) in the salon's zone: success rate and latency percentiles. */
async function series(ctx: Ctx, unit: "hour" | "day", now: Date): Promise<SeriesPoint[]> {
  const tz = ctx.company.timeZone;
  const span = unit === "hour" ? sql`interval '23 hours'` : sql`interval '6 days'`;
  const result = await rows<{ bucket: string; total: number; synced: number; p50: number | null; p95: number | null }>(
    ctx.db,
    sql`
    with buckets as (
      select generate_series(date_trunc(${unit}, ${now.toISOString()}::timestamptz at time zone ${tz}) - ${span},
                             date_trunc(${unit}, ${now.toISOString()}::timestamptz at time zone ${tz}), ${unit === "hour" ? sql`interval '1 hour'` : sql`interval '1 day'`}) as local
    )
    select (b.local at time zone ${tz}) as bucket,
           count(r.id)::int as total,
           count(r.id) filter (where r.outcome in ('synced', 'cancelled'))::int as synced,
           percentile_cont(0.5) within group (order by r.duration_ms) as p50,
           percentile_cont(0.95) within group (order by r.duration_ms) as p95
      from buckets b
      left join sync_runs r on r.company_id = ${ctx.company.id} and r.kind = 'sync' and r.outcome <> 'retrying'
            and date_trunc(${unit}, r.started_at at time zone ${tz}) = b.local
     group by b.local order by b.local`,
  );
  return result.map((r) => ({
    bucket: new Date(r.bucket),
    total: r.total,
    synced: r.synced,
    rate: r.total ? r.synced / r.total : null,
    p50: r.p50 === null ? null : Number(r.p50),
    p95: r.p95 === null ? null : Number(r.p95),
  }));
}

/** Everything the Sync-Monitor shows for the company. */
export async function getSyncMonitor({ ctx, now = new Date() }: { ctx: Ctx; now?: Date }) {
  const companyId = ctx.company.id;
  const [counts, queue, recoveries, recent, errors, hourly, daily] = await Promise.all([
    rows<{ status: string; review: boolean; n: number }>(
      ctx.db,
      sql`select calcom_sync_status as status, requires_manual_review as review, count(*)::int as n from appointments
           where company_id = ${companyId} and status = 'confirmed' group by 1, 2`,
    ),
    ctx.db
      .select({
        id: appointments.id,
        startsAt: appointments.startsAt,
        syncStatus: appointments.calcomSyncStatus,
        errorCode: appointments.syncErrorCode,
        errorMessage: appointments.syncErrorMessage,
        customerName: customers.name,
        serviceName: services.name,
        composite: services.composite,
        staffName: staff.name,
      })
      .from(appointments)
      .innerJoin(customers, eq(customers.id, appointments.customerId))
      .innerJoin(services, eq(services.id, appointments.serviceId))
      .innerJoin(staff, eq(staff.id, appointments.staffId))
      .where(
        and(
          eq(appointments.companyId, companyId),
          eq(appointments.requiresManualReview, true),
          eq(appointments.status, "confirmed"),
        ),
      )
      .orderBy(asc(appointments.startsAt))
      .limit(200),
    rows<{ day: number; week: number }>(
      ctx.db,
      sql`select coalesce(sum(recovered_by_verification) filter (where started_at > ${now.toISOString()}::timestamptz - interval '24 hours'), 0)::int as day,
                 coalesce(sum(recovered_by_verification) filter (where started_at > ${now.toISOString()}::timestamptz - interval '7 days'), 0)::int as week
            from sync_runs where company_id = ${companyId}`,
    ),
    rows<{ appointment_id: number; started_at: string; recovered: number; phases: number; kind: string }>(
      ctx.db,
      sql`select appointment_id, started_at, recovered_by_verification as recovered, phases_total as phases, kind from sync_runs
           where company_id = ${companyId} and recovered_by_verification > 0 order by started_at desc limit 10`,
    ),
    rows<{ code: string; n: number; last_seen: string; example: string | null; appointments: number }>(
      ctx.db,
      sql`select coalesce(error_code, case when http_status is null then 'keine Antwort' else 'HTTP ' || http_status end) as code,
                 count(*)::int as n, max(created_at) as last_seen, (array_agg(error_message order by created_at desc))[1] as example,
                 count(distinct appointment_id)::int as appointments
            from sync_attempts
           where company_id = ${companyId} and created_at > ${now.toISOString()}::timestamptz - interval '7 days'
             and (http_status is null or http_status >= 400)
           group by 1 order by n desc limit 20`,
    ),
    series(ctx, "hour", now),
    series(ctx, "day", now),
  ]);
  const byStatus = { pending: 0, synced: 0, partial: 0, failed: 0 } as Record<string, number>;
  let review = 0;
  for (const c of counts) {
    byStatus[c.status] = (byStatus[c.status] ?? 0) + c.n;
    if (c.review) review += c.n;
  }
  const summarise = (points: SeriesPoint[]) => {
    const total = points.reduce((s, p) => s + p.total, 0);
    const synced = points.reduce((s, p) => s + p.synced, 0);
    return { total, rate: total ? synced / total : null };
  };
  return {
    byStatus,
    review,
    queue,
    recoveries: { day: recoveries[0]?.day ?? 0, week: recoveries[0]?.week ?? 0, recent },
    errors,
    hourly: { points: hourly, ...summarise(hourly) },
    daily: { points: daily, ...summarise(daily) },
  };
}

export type SyncMonitor = Awaited<ReturnType<typeof getSyncMonitor>>;

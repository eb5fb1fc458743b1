import { sql } from "drizzle-orm";
import type { Ctx } from "../../context";
import { rows } from "../../metrics";
import { syncCause, type SyncCause } from "./explain";
import { countCards } from "./monitor-cards";
import { listReviewQueue } from "./review-queue";

export type SeriesPoint = {
  bucket: Date;
  total: number;
  synced: number;
  rate: number | null;
  p50: number | null;
  p95: number | null;
};

/** The runs the success rate counts: finished sync jobs ("retrying" is not an outcome yet). */
const COUNTED_RUN = sql`r.kind = 'sync' and r.outcome <> 'retrying'`;
const SUCCESS = sql`r.outcome in ('synced', 'cancelled')`;

/** Sync runs per hour (24 h) or day (7 d) in the salon's zone: success rate and latency percentiles. */
async function series(ctx: Ctx, unit: "hour" | "day", now: Date): Promise<SeriesPoint[]> {
  const tz = ctx.company.timeZone;
  const span = unit === "hour" ? sql`interval '23 hours'` : sql`interval '6 days'`;
  const step = unit === "hour" ? sql`interval '1 hour'` : sql`interval '1 day'`;
  const local = sql`date_trunc(${unit}, ${now.toISOString()}::timestamptz at time zone ${tz})`;
  const result = await rows<{ bucket: string; total: number; synced: number; p50: number | null; p95: number | null }>(
    ctx.db,
    sql`
    with buckets as (select generate_series(${local} - ${span}, ${local}, ${step}) as local)
    select (b.local at time zone ${tz}) as bucket,
           count(r.id)::int as total,
           count(r.id) filter (where ${SUCCESS})::int as synced,
           percentile_cont(0.5) within group (order by r.duration_ms) as p50,
           percentile_cont(0.95) within group (order by r.duration_ms) as p95
      from buckets b
      left join sync_runs r on r.company_id = ${ctx.company.id} and ${COUNTED_RUN}
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

export type ErrorGroup = SyncCause & { runs: number; appointments: number; lastSeen: Date; example: string | null };

/** The unsuccessful runs of the success rate (same runs, same window), grouped by what the operator can do. */
async function errorGroups(ctx: Ctx, from: Date): Promise<ErrorGroup[]> {
  const result = await rows<{
    code: string | null;
    n: number;
    ids: number[];
    last_seen: string;
    example: string | null;
  }>(
    ctx.db,
    sql`select r.error_code as code, count(*)::int as n, array_agg(distinct r.appointment_id::int) as ids,
               max(r.started_at) as last_seen, (array_agg(r.error_message order by r.started_at desc))[1] as example
          from sync_runs r
         where r.company_id = ${ctx.company.id} and ${COUNTED_RUN} and not ${SUCCESS}
           and r.started_at >= ${from.toISOString()}::timestamptz
         group by 1`,
  );
  const groups = new Map<string, ErrorGroup & { ids: Set<number> }>();
  for (const r of result) {
    const cause = syncCause(r.code);
    const lastSeen = new Date(r.last_seen);
    const g = groups.get(cause.key) ?? { ...cause, runs: 0, appointments: 0, lastSeen, example: null, ids: new Set() };
    g.runs += r.n;
    for (const id of r.ids) if (id !== null) g.ids.add(id);
    if (lastSeen >= g.lastSeen || g.example === null) [g.lastSeen, g.example] = [lastSeen, r.example ?? g.example];
    groups.set(cause.key, g);
  }
  return [...groups.values()]
    .map(({ ids, ...g }) => ({ ...g, appointments: ids.size }))
    .sort((a, b) => b.runs - a.runs || a.label.localeCompare(b.label));
}

/** Segments found in Cal.com after an error: by the sync's own check or reconcile, or by an admin's re-check. */
async function recoveries(ctx: Ctx, dayFrom: Date, weekFrom: Date) {
  const manual = sql`(trigger = 'admin' or kind = 'reverify')`;
  const since = (from: Date) => sql`started_at >= ${from.toISOString()}::timestamptz`;
  const [sums] = await rows<{ auto_day: number; auto_week: number; manual_day: number; manual_week: number }>(
    ctx.db,
    sql`select coalesce(sum(recovered_by_verification) filter (where not ${manual} and ${since(dayFrom)}), 0)::int as auto_day,
               coalesce(sum(recovered_by_verification) filter (where not ${manual} and ${since(weekFrom)}), 0)::int as auto_week,
               coalesce(sum(recovered_by_verification) filter (where ${manual} and ${since(dayFrom)}), 0)::int as manual_day,
               coalesce(sum(recovered_by_verification) filter (where ${manual} and ${since(weekFrom)}), 0)::int as manual_week
          from sync_runs where company_id = ${ctx.company.id}`,
  );
  const recent = await rows<{
    appointment_id: number;
    started_at: string;
    recovered: number;
    phases: number;
    kind: string;
    trigger: string;
  }>(
    ctx.db,
    sql`select appointment_id, started_at, recovered_by_verification as recovered, phases_total as phases, kind, trigger from sync_runs
         where company_id = ${ctx.company.id} and recovered_by_verification > 0 order by started_at desc limit 10`,
  );
  return {
    automatic: { day: sums?.auto_day ?? 0, week: sums?.auto_week ?? 0 },
    manual: { day: sums?.manual_day ?? 0, week: sums?.manual_week ?? 0 },
    recent: recent.map((r) => ({ ...r, manual: r.kind === "reverify" || r.trigger === "admin" })),
  };
}

const summarise = (points: SeriesPoint[]) => {
  const total = points.reduce((s, p) => s + p.total, 0);
  const synced = points.reduce((s, p) => s + p.synced, 0);
  return {
    points,
    total,
    synced,
    failed: total - synced,
    rate: total ? synced / total : null,
    from: points[0]!.bucket,
  };
};

/** Everything the Sync-Monitor shows for the company. */
export async function getSyncMonitor({ ctx, now = new Date() }: { ctx: Ctx; now?: Date }) {
  const [cards, queue, hourlyPoints, dailyPoints] = await Promise.all([
    countCards({ ctx, now }),
    listReviewQueue({ ctx }),
    series(ctx, "hour", now),
    series(ctx, "day", now),
  ]);
  const hourly = summarise(hourlyPoints);
  const daily = summarise(dailyPoints);
  const [errors, recovered] = await Promise.all([
    errorGroups(ctx, daily.from),
    recoveries(ctx, hourly.from, daily.from),
  ]);
  return { cards, queue, recoveries: recovered, errors, hourly, daily };
}

export type SyncMonitor = Awaited<ReturnType<typeof getSyncMonitor>>;

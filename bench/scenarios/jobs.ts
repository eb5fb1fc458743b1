import { sql } from "drizzle-orm";
import { CALCOM_SYNC } from "../../lib/jobs/queues";
import { startCalcomSimulator } from "../../dev/calcom-sim";
import type { FaultValues } from "../../dev/calcom-sim/types";
import type { Db } from "../../lib/db/client";
import { addDays, type LocalDate } from "../../lib/time/zoned";
import type { Managed } from "../../scripts/lib/processes";
import { cpuMeter, postmasterPid } from "../lib/cpu";
import { startWorker, stopAll } from "../lib/stack";
import { bookForSync, createSyncSalon } from "./calcom-salon";

export type JobRun = {
  label: string;
  latencyMs: number;
  simulatorRateLimitPerMinute: number;
  appointments: number;
  phases: number;
  elapsedMs: number;
  appointmentsPerSecond: number;
  calcomBookingsPerSecond: number;
  synced: number;
  jobs: Record<string, number>;
  calcomRequests: number;
  http429: number;
  maxRequestsInAnyMinute: number;
  finishedInTime: boolean;
  /** CPU of the worker process and of PostgreSQL (all its processes) while the backlog drained. */
  cpu: { workerMs: number; databaseMs: number; perSegmentMs: number };
};

const rows = <T>(result: unknown) => result as T[];

/** Removes queued sync jobs of earlier measurements, whose simulators are gone. */
async function clearQueuedSyncJobs(db: Db): Promise<void> {
  await db.execute(sql`delete from pgboss.job where name = ${CALCOM_SYNC} and state in ('created', 'retry')`);
}

/**
 * Item 6: the real job worker (jobs/worker.ts, its own process) drains a backlog of calcom-sync
 * jobs against the simulator answering after `latencyMs`. Elapsed is first sync run started →
 * last sync run finished, from sync_runs.
 */
export async function drain(options: {
  db: Db;
  env: NodeJS.ProcessEnv;
  today: LocalDate;
  label: string;
  count: number;
  permEvery: number;
  latencyMs: number;
  /** Simulator faults instead of the plain latency (item 7: Cal.com's measured profile). */
  faults?: Partial<FaultValues>;
  rateLimitPerMinute: number;
  timeoutMs: number;
  log: (line: string) => void;
}): Promise<JobRun> {
  const { db } = options;
  const sim = await startCalcomSimulator({ port: 0, rateLimitPerMinute: options.rateLimitPerMinute });
  let worker: Managed | null = null;
  try {
    sim.faults.set(options.faults ?? { latencyMs: options.latencyMs });
    const salon = await createSyncSalon(db, sim, { name: `Bench: ${options.label}`, staffCount: 10, parallel: true });
    await clearQueuedSyncJobs(db);
    const ids = await bookForSync(salon, addDays(options.today, 3), options.count, options.permEvery);
    worker = await startWorker(
      { ...options.env, CALCOM_RATE_LIMIT_PER_MINUTE: String(options.rateLimitPerMinute) },
      `worker-${options.label.replace(/\W+/g, "-")}.log`,
    );
    const [backend] = rows<{ pid: number }>(await db.execute(sql`select pg_backend_pid() as pid`));
    const meter = cpuMeter({ worker: worker.child.pid!, database: postmasterPid(backend!.pid) });
    const deadline = Date.now() + options.timeoutMs;
    let synced = 0;
    while (Date.now() < deadline) {
      synced =
        rows<{ synced: number }>(
          await db.execute(
            sql`select count(*)::int as synced from appointments where company_id = ${salon.companyId} and calcom_sync_status = 'synced'`,
          ),
        )[0]?.synced ?? 0;
      if (synced === ids.length) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const used = meter();
    // Let jobs that are finishing write their state.
    await new Promise((r) => setTimeout(r, 1_500));
    const [span] = rows<{ first: Date; last: Date; phases: number }>(
      await db.execute(sql`select min(started_at) as first, max(started_at + duration_ms * interval '1 millisecond') as last, sum(phases_synced)::int as phases
                             from sync_runs where company_id = ${salon.companyId}`),
    );
    const jobs = rows<{ state: string; n: number }>(
      await db.execute(
        sql`select state::text, count(*)::int as n from pgboss.job where name = ${CALCOM_SYNC} and data->>'companyId' = ${salon.companyId} group by state`,
      ),
    );
    const log = sim.state.requestLog().filter((r) => r.apiKey === salon.apiKey && r.path.startsWith("/v2"));
    // The simulator logs a request when it has answered; Cal.com counts a request when it arrives.
    const times = log.map((r) => Date.parse(r.time) - r.ms).sort((a, b) => a - b);
    let maxInMinute = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i]! - times[j]! >= 60_000) j++;
      maxInMinute = Math.max(maxInMinute, i - j + 1);
    }
    const elapsedMs = span?.first && span.last ? new Date(span.last).getTime() - new Date(span.first).getTime() : NaN;
    const phases = span?.phases ?? 0;
    const run: JobRun = {
      label: options.label,
      latencyMs: options.latencyMs,
      simulatorRateLimitPerMinute: options.rateLimitPerMinute,
      appointments: ids.length,
      phases,
      elapsedMs: Math.round(elapsedMs),
      appointmentsPerSecond: Math.round((ids.length / (elapsedMs / 1000)) * 100) / 100,
      calcomBookingsPerSecond: Math.round((phases / (elapsedMs / 1000)) * 100) / 100,
      synced,
      jobs: Object.fromEntries(jobs.map((j) => [j.state, j.n])),
      calcomRequests: log.length,
      http429: log.filter((r) => r.status === 429).length,
      maxRequestsInAnyMinute: maxInMinute,
      finishedInTime: synced === ids.length,
      cpu: {
        workerMs: used.worker!,
        databaseMs: used.database!,
        perSegmentMs: Math.round(((used.worker! + used.database!) / Math.max(phases, 1)) * 100) / 100,
      },
    };
    options.log(
      `${options.label}: ${run.synced}/${run.appointments} synced in ${(run.elapsedMs / 1000).toFixed(1)} s, ${run.appointmentsPerSecond} appointments/s, ${run.http429} × 429`,
    );
    return run;
  } finally {
    if (worker) await stopAll([worker]);
    await sim.stop();
  }
}

export async function measureJobs(
  db: Db,
  env: NodeJS.ProcessEnv,
  today: LocalDate,
  log: (line: string) => void,
): Promise<{ throughput: JobRun; rateLimited: JobRun }> {
  // Throughput: Cal.com's per-key limit switched off in simulator and client (as for a raised limit).
  const throughput = await drain({
    db,
    env,
    today,
    label: "throughput 50 ms",
    count: 150,
    permEvery: 3,
    latencyMs: 50,
    rateLimitPerMinute: 0,
    timeoutMs: 300_000,
    log,
  });
  // Cal.com's limit: 120 requests a minute for the key; 90 appointments need about 180 requests.
  const rateLimited = await drain({
    db,
    env,
    today,
    label: "120 per minute",
    count: 90,
    permEvery: 0,
    latencyMs: 50,
    rateLimitPerMinute: 120,
    timeoutMs: 240_000,
    log,
  });
  return { throughput, rateLimited };
}

import { sql } from "drizzle-orm";
import { startCalcomSimulator, type CalcomSimulator } from "../../dev/calcom-sim";
import { CAL_API_VERSION } from "../../lib/calcom/versions";
import type { Db } from "../../lib/db/client";
import { addDays, isoWeekday, type LocalDate, zonedInstant } from "../../lib/time/zoned";
import type { Managed } from "../../scripts/lib/processes";
import { startWorker, stopAll } from "../lib/stack";
import { summarize, type Summary } from "../lib/stats";
import { bookForSync, createSyncSalon, type SyncSalon } from "./calcom-salon";
import { drain, type JobRun } from "./jobs";

/**
 * Item 7: Cal.com as it really behaves — the simulator answers with the latencies measured on the
 * real API v2 (a create alone 80–350 ms; each of ten parallel creates 0.8–1.6 s) and keeps its
 * limit of 120 requests a minute per key, as does the worker's own pacing.
 *   a) the profile itself, measured against the simulator directly (one create at a time, ten at once);
 *   b) booked → synced for Dauerwellen booked one every `everySeconds` (the worker running);
 *   c) a backlog of Dauerwellen drained by one worker: appointments per minute under the limit.
 */
export const REAL_CALCOM = { latencyMs: 80, latencyJitterMs: 270, createLoadMs: 120 } as const;
const RATE_LIMIT = 120;

export type RealCalcomResult = {
  profile: typeof REAL_CALCOM & { rateLimitPerMinute: number };
  createAlone: Summary;
  createTenParallel: Summary;
  bookedToSynced: Summary & { appointments: number; everySeconds: number; synced: number };
  /** Measured over the drain (Cal.com's window lets the first 120 requests through at once) and for the long run. */
  sustained: JobRun & { appointmentsPerMinute: number; requestsPerAppointment: number; longRunPerMinute: number };
};

const rows = <T>(result: unknown) => result as T[];
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Creates straight against the simulator (no client pacing): how long Cal.com takes to answer. */
async function createTimes(sim: CalcomSimulator, salon: SyncSalon, day: LocalDate, parallel: number, runs: number) {
  const [eventType] = sim.state.listEventTypes({ apiKey: salon.apiKey });
  if (!eventType) throw new Error("the bench salon has no event type in the simulator");
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const created = await Promise.all(
      Array.from({ length: parallel }, async (_, i) => {
        const started = performance.now();
        const response = await fetch(`${sim.url}/v2/bookings`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${salon.apiKey}`,
            "cal-api-version": CAL_API_VERSION.bookings,
            "content-type": "application/json",
          },
          body: JSON.stringify({
            start: zonedInstant(addDays(day, run * parallel + i), 9 * 60, "Europe/Berlin").toISOString(),
            eventTypeId: eventType.id,
            attendee: { name: `Profil ${run}-${i}`, timeZone: "Europe/Berlin", email: `profil${run}${i}@example.test` },
          }),
        });
        const text = await response.text();
        if (response.status !== 201) throw new Error(`profile create answered ${response.status}: ${text}`);
        return performance.now() - started;
      }),
    );
    times.push(...created);
  }
  return summarize(times);
}

async function bookedToSynced(options: {
  db: Db;
  env: NodeJS.ProcessEnv;
  today: LocalDate;
  count: number;
  everySeconds: number;
  log: (line: string) => void;
}): Promise<RealCalcomResult["bookedToSynced"]> {
  const { db } = options;
  const sim = await startCalcomSimulator({ port: 0, rateLimitPerMinute: RATE_LIMIT });
  let worker: Managed | null = null;
  try {
    sim.faults.set(REAL_CALCOM);
    const salon = await createSyncSalon(db, sim, { name: "Bench: Cal.com wie echt", staffCount: 10, parallel: true });
    worker = await startWorker(
      { ...options.env, CALCOM_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) },
      "worker-calcom-real.log",
    );
    const ids: number[] = [];
    let day = addDays(options.today, 5);
    while (ids.length < options.count) {
      if (isoWeekday(day) !== 7) {
        ids.push(...(await bookForSync(salon, day, 1, 1)));
        if (ids.length % 10 === 0) options.log(`Cal.com wie echt: ${ids.length}/${options.count} Dauerwellen gebucht`);
        await pause(options.everySeconds * 1000);
      }
      day = addDays(day, 1);
    }
    const deadline = Date.now() + 180_000;
    let synced = 0;
    while (Date.now() < deadline) {
      synced =
        rows<{ n: number }>(
          await db.execute(
            sql`select count(*)::int as n from appointments where company_id = ${salon.companyId} and calcom_sync_status = 'synced'`,
          ),
        )[0]?.n ?? 0;
      if (synced === ids.length) break;
      await pause(250);
    }
    const spans = rows<{ ms: number }>(
      await db.execute(sql`
        select extract(epoch from (min(r.started_at + r.duration_ms * interval '1 millisecond') - a.created_at)) * 1000 as ms
          from appointments a join sync_runs r on r.appointment_id = a.id and r.outcome = 'synced'
         where a.company_id = ${salon.companyId}
         group by a.id, a.created_at`),
    );
    return {
      ...summarize(spans.map((s) => Number(s.ms))),
      appointments: ids.length,
      everySeconds: options.everySeconds,
      synced,
    };
  } finally {
    if (worker) await stopAll([worker]);
    await sim.stop();
  }
}

export async function measureRealCalcom(
  db: Db,
  env: NodeJS.ProcessEnv,
  today: LocalDate,
  log: (line: string) => void,
  quick: boolean,
): Promise<RealCalcomResult> {
  const sim = await startCalcomSimulator({ port: 0, rateLimitPerMinute: 0 });
  let profile: { alone: Summary; ten: Summary };
  try {
    sim.faults.set(REAL_CALCOM);
    const salon = await createSyncSalon(db, sim, { name: "Bench: Cal.com-Profil", staffCount: 1, parallel: true });
    profile = {
      alone: await createTimes(sim, salon, addDays(today, 200), 1, 20),
      ten: await createTimes(sim, salon, addDays(today, 240), 10, 3),
    };
  } finally {
    await sim.stop();
  }
  log(`Cal.com-Profil: allein p50 ${profile.alone.p50} ms, zehn parallel p50 ${profile.ten.p50} ms`);
  const latency = await bookedToSynced({ db, env, today, count: quick ? 10 : 50, everySeconds: 4, log });
  log(
    `gebucht → synchronisiert: p50 ${latency.p50} ms, p95 ${latency.p95} ms (${latency.synced}/${latency.appointments})`,
  );
  const sustained = await drain({
    db,
    env,
    today: addDays(today, 120),
    label: "Cal.com wie echt, Rückstau",
    count: quick ? 20 : 60,
    permEvery: 1,
    latencyMs: REAL_CALCOM.latencyMs,
    faults: REAL_CALCOM,
    rateLimitPerMinute: RATE_LIMIT,
    timeoutMs: 600_000,
    log,
  });
  return {
    profile: { ...REAL_CALCOM, rateLimitPerMinute: RATE_LIMIT },
    createAlone: profile.alone,
    createTenParallel: profile.ten,
    bookedToSynced: latency,
    sustained: {
      ...sustained,
      appointmentsPerMinute: Math.round((sustained.appointments / (sustained.elapsedMs / 60_000)) * 10) / 10,
      requestsPerAppointment: Math.round((sustained.calcomRequests / sustained.appointments) * 10) / 10,
      longRunPerMinute: Math.round((RATE_LIMIT / (sustained.calcomRequests / sustained.appointments)) * 10) / 10,
    },
  };
}

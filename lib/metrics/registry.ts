import { sql } from "drizzle-orm";
import { collectDefaultMetrics, Registry } from "prom-client";
import { getDb } from "../db";
import { dbHistogram, dbMetric, rows } from "./db-metric";

const FUNCTION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const CALCOM_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const SYNC_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

function build(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "slotdesk_process_" });
  const db = () => getDb();
  const metrics = [
    dbMetric(
      "slotdesk_sync_runs_total",
      "Cal.com syncs of appointments by kind, action, outcome and service type",
      "counter",
      async () =>
        (
          await rows<{ kind: string; action: string; outcome: string; composite: boolean; n: number }>(
            db(),
            sql`select kind, action, outcome, composite, sum(runs)::float8 as n from metric_sync_runs group by 1, 2, 3, 4`,
          )
        ).map((r) => ({
          value: r.n,
          labels: {
            kind: r.kind,
            action: r.action,
            outcome: r.outcome,
            service_type: r.composite ? "composite" : "simple",
          },
        })),
    ),
    dbMetric(
      "slotdesk_sync_verification_recoveries_total",
      "Phases Cal.com reported as failed that post-sync verification found (false negatives caught)",
      "counter",
      async () =>
        (
          await rows<{ composite: boolean; n: number }>(
            db(),
            sql`select composite, sum(recovered_by_verification)::float8 as n from metric_sync_runs group by 1`,
          )
        ).map((r) => ({ value: r.n, labels: { service_type: r.composite ? "composite" : "simple" } })),
    ),
    dbHistogram(db, "slotdesk_sync_run_duration_seconds", "Duration of appointment syncs", {
      table: "metric_sync_runs",
      label: "kind",
      countColumn: "runs",
      buckets: SYNC_BUCKETS,
    }),
    dbMetric(
      "slotdesk_calcom_requests_total",
      "Requests to Cal.com by action and HTTP status (none = no answer)",
      "counter",
      async () =>
        (
          await rows<{ action: string; status: string; n: number }>(
            db(),
            sql`select action, status, sum(requests)::float8 as n from metric_calcom_requests group by 1, 2`,
          )
        ).map((r) => ({ value: r.n, labels: { action: r.action, status: r.status } })),
    ),
    dbHistogram(db, "slotdesk_calcom_request_duration_seconds", "Latency of requests to Cal.com", {
      table: "metric_calcom_requests",
      label: "action",
      countColumn: "requests",
      buckets: CALCOM_BUCKETS,
    }),
    dbMetric(
      "slotdesk_voice_function_calls_total",
      "Voice-agent function calls by name and result (ok or the error code)",
      "counter",
      async () =>
        (
          await rows<{ name: string; result: string; n: number }>(
            db(),
            sql`select name, result, sum(calls)::float8 as n from metric_function_calls group by 1, 2`,
          )
        ).map((r) => ({ value: r.n, labels: { name: r.name, result: r.result } })),
    ),
    dbHistogram(db, "slotdesk_voice_function_duration_seconds", "Server latency of voice-agent functions", {
      table: "metric_function_calls",
      label: "name",
      countColumn: "calls",
      buckets: FUNCTION_BUCKETS,
    }),
    dbMetric("slotdesk_queue_jobs", "Jobs waiting, retrying or running per queue", "gauge", async () =>
      (
        await rows<{ name: string; state: string; n: number }>(
          db(),
          sql`select q.name, s.state, count(j.id)::int as n from pgboss.queue q cross join (values ('created'), ('retry'), ('active')) s(state)
              left join pgboss.job j on j.name = q.name and j.state::text = s.state group by 1, 2`,
        )
      ).map((r) => ({ value: r.n, labels: { queue: r.name, state: r.state } })),
    ),
    dbMetric("slotdesk_slot_holds_active", "Slots currently held for callers", "gauge", async () => [
      {
        value:
          (
            await rows<{ n: number }>(
              db(),
              sql`select count(*)::int as n from slot_holds where status = 'active' and expires_at > now()`,
            )
          )[0]?.n ?? 0,
      },
    ]),
    dbMetric(
      "slotdesk_appointments_sync_status",
      "Confirmed appointments not (yet) in sync with Cal.com, by sync status",
      "gauge",
      async () =>
        (
          await rows<{ status: string; n: number }>(
            db(),
            // Read through the partial index appointments_unsynced_idx: synced appointments are not counted.
            sql`select s.status, count(a.id)::int as n from unnest(enum_range(null::appointment_sync_status)) s(status)
                left join appointments a on a.calcom_sync_status = s.status and a.status = 'confirmed'
                      and a.calcom_sync_status <> 'synced'
                where s.status <> 'synced' group by 1`,
          )
        ).map((r) => ({ value: r.n, labels: { status: r.status } })),
    ),
    dbMetric(
      "slotdesk_appointments_manual_review",
      "Confirmed appointments waiting for manual review",
      "gauge",
      async () => [
        {
          value:
            (
              await rows<{ n: number }>(
                db(),
                sql`select count(*)::int as n from appointments where requires_manual_review and status = 'confirmed'`,
              )
            )[0]?.n ?? 0,
        },
      ],
    ),
  ];
  for (const metric of metrics) registry.registerMetric(metric as never);
  return registry;
}

const globalForMetrics = globalThis as unknown as { slotdeskMetrics?: Registry };

export function metricsRegistry(): Registry {
  globalForMetrics.slotdeskMetrics ??= build();
  return globalForMetrics.slotdeskMetrics;
}

import { bigint, boolean, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { companies } from "./companies";

/**
 * Running totals behind /api/metrics, kept by statement triggers on function_calls, sync_runs and
 * sync_attempts (migration 0018): a scrape reads these few rows per salon instead of counting every
 * salon's whole history. One row per salon, labels and `le_ms` is the histogram bucket a row's latency fell into (its upper bound
 * in ms; null above the last bound); the bounds live in the trigger function and lib/metrics.
 */
const count = (name: string) => bigint(name, { mode: "number" }).notNull().default(0);
const tenant = () =>
  uuid("company_id")
    .notNull()
    .references(() => companies.id, { onDelete: "cascade" });

export const metricFunctionCalls = pgTable(
  "metric_function_calls",
  {
    companyId: tenant(),
    name: text("name").notNull(),
    /** ok, or the error code the agent received. */
    result: text("result").notNull(),
    leMs: integer("le_ms"),
    calls: count("calls"),
    sumMs: count("sum_ms"),
  },
  (t) => [unique("metric_function_calls_key").on(t.companyId, t.name, t.result, t.leMs).nullsNotDistinct()],
);

export const metricSyncRuns = pgTable(
  "metric_sync_runs",
  {
    companyId: tenant(),
    kind: text("kind").notNull(),
    action: text("action").notNull(),
    outcome: text("outcome").notNull(),
    composite: boolean("composite").notNull(),
    leMs: integer("le_ms"),
    runs: count("runs"),
    recoveredByVerification: count("recovered_by_verification"),
    sumMs: count("sum_ms"),
  },
  (t) => [
    unique("metric_sync_runs_key").on(t.companyId, t.kind, t.action, t.outcome, t.composite, t.leMs).nullsNotDistinct(),
  ],
);

export const metricCalcomRequests = pgTable(
  "metric_calcom_requests",
  {
    companyId: tenant(),
    action: text("action").notNull(),
    /** The HTTP status, or "none" when Cal.com did not answer. */
    status: text("status").notNull(),
    leMs: integer("le_ms"),
    requests: count("requests"),
    sumMs: count("sum_ms"),
  },
  (t) => [unique("metric_calcom_requests_key").on(t.companyId, t.action, t.status, t.leMs).nullsNotDistinct()],
);

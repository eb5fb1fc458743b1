import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db";

export type MetricValue = { value: number; labels?: Record<string, string | number>; metricName?: string };
type MetricType = "counter" | "gauge" | "histogram";

/** A metric whose values are read from PostgreSQL at scrape time: one truth for every web and worker process. */
export function dbMetric(name: string, help: string, type: MetricType, collect: () => Promise<MetricValue[]>) {
  return {
    name,
    async get() {
      return { name, help, type, values: await collect(), aggregator: "sum" as const };
    },
  };
}

type BucketRow = { label: string; le_ms: number | null; n: number | string; sum_ms: number | string };

/**
 * Histogram series from rows of running totals (migration 0018): per label value and bucket (`le_ms`,
 * the bucket's upper bound in ms, null above the last) a count and a sum; buckets become cumulative here.
 */
function histogramValues(name: string, labelKey: string, buckets: number[], rows: BucketRow[]): MetricValue[] {
  const byLabel = new Map<string, BucketRow[]>();
  for (const row of rows) byLabel.set(row.label, [...(byLabel.get(row.label) ?? []), row]);
  return [...byLabel].flatMap(([label, list]) => {
    const labels = { [labelKey]: label };
    const count = list.reduce((n, row) => n + Number(row.n), 0);
    const sumMs = list.reduce((n, row) => n + Number(row.sum_ms), 0);
    return [
      ...buckets.map((le) => ({
        metricName: `${name}_bucket`,
        labels: { ...labels, le },
        value: list
          .filter((row) => row.le_ms !== null && row.le_ms <= le * 1000)
          .reduce((n, row) => n + Number(row.n), 0),
      })),
      { metricName: `${name}_bucket`, labels: { ...labels, le: "+Inf" }, value: count },
      { metricName: `${name}_sum`, labels, value: sumMs / 1000 },
      { metricName: `${name}_count`, labels, value: count },
    ];
  });
}

export async function rows<T>(db: DbOrTx, query: Parameters<DbOrTx["execute"]>[0]): Promise<T[]> {
  return (await db.execute(query)) as unknown as T[];
}

/**
 * A latency histogram in seconds from a totals table (one series per `label` value). Table and
 * columns are constants of this code base, never input; the bounds match the trigger's (0018).
 */
export function dbHistogram(
  db: () => DbOrTx,
  name: string,
  help: string,
  source: { table: string; label: string; countColumn: string; buckets: number[] },
) {
  const { table, label, countColumn, buckets } = source;
  const query = `select ${label} as label, le_ms, sum(${countColumn}) as n, sum(sum_ms) as sum_ms from ${table} group by 1, 2`;
  return dbMetric(name, help, "histogram", async () =>
    histogramValues(name, label, buckets, await rows<BucketRow>(db(), sql.raw(query))),
  );
}

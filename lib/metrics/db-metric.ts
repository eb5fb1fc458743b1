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

type BucketRow = Record<string, unknown> & { sum_seconds: number | string; count: number | string };

/**
 * Histogram series from rows that carry cumulative bucket counts ("le_0_05" …), a sum and a count,
 * one row per label combination.
 */
function histogramValues(name: string, buckets: number[], rows: BucketRow[], labelKeys: string[]): MetricValue[] {
  return rows.flatMap((row) => {
    const labels = Object.fromEntries(labelKeys.map((k) => [k, String(row[k] ?? "")]));
    return [
      ...buckets.map((le) => ({
        metricName: `${name}_bucket`,
        labels: { ...labels, le },
        value: Number(row[bucketColumn(le)] ?? 0),
      })),
      { metricName: `${name}_bucket`, labels: { ...labels, le: "+Inf" }, value: Number(row.count) },
      { metricName: `${name}_sum`, labels, value: Number(row.sum_seconds) },
      { metricName: `${name}_count`, labels, value: Number(row.count) },
    ];
  });
}

const bucketColumn = (le: number) => `le_${String(le).replace(".", "_")}`;

/** `count(*) filter (where <ms column> <= le*1000) as le_…` for every bucket. */
function bucketSelects(msColumn: string, buckets: number[]): string {
  return buckets
    .map((le) => `count(*) filter (where ${msColumn} <= ${le * 1000})::int as ${bucketColumn(le)}`)
    .join(", ");
}

export async function rows<T>(db: DbOrTx, query: Parameters<DbOrTx["execute"]>[0]): Promise<T[]> {
  return (await db.execute(query)) as unknown as T[];
}

/**
 * A latency histogram in seconds over a table's millisecond column, one series per `label` value.
 * Table, column and label are constants of this code base, never input.
 */
export function dbHistogram(
  db: () => DbOrTx,
  name: string,
  help: string,
  source: { table: string; msColumn: string; label: string; buckets: number[] },
) {
  const { table, msColumn, label, buckets } = source;
  const query = `select ${label}, ${bucketSelects(msColumn, buckets)}, coalesce(sum(${msColumn}), 0) / 1000.0 as sum_seconds, count(*)::int as count from ${table} group by ${label}`;
  return dbMetric(name, help, "histogram", async () =>
    histogramValues(name, buckets, await rows(db(), sql.raw(query)), [label]),
  );
}

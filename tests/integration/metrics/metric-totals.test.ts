import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { rows } from "@/lib/metrics";
import { makeCall, makeSalon } from "../../support/factories";

/**
 * The totals behind /api/metrics (migration 0018) equal counting the history: for one-row inserts,
 * a bulk insert of 2 000 rows, and 20 concurrent inserts into the same totals row.
 */
describe("metric totals", () => {
  it("count function calls, sync runs and Cal.com requests as the history does", async () => {
    const salon = await makeSalon();
    const call = await makeCall(salon.company);
    const db = getDb();
    const company = salon.company.id;
    await db.execute(sql`
      insert into function_calls (company_id, call_id, name, args, result, latency_ms)
      select ${company}::uuid, ${call.id}, 'check_availability', '{}'::jsonb,
             case when g % 4 = 0 then '{"ok":false,"error":"slot_taken"}'::jsonb else '{"ok":true}'::jsonb end, g % 3000
        from generate_series(1, 2000) g`);
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.execute(sql`insert into function_calls (company_id, call_id, name, args, result, latency_ms)
                       values (${company}::uuid, ${call.id}, 'book_appointment', '{}', '{"ok":true}', 7)`),
      ),
    );
    await db.execute(sql`
      insert into sync_runs (company_id, kind, action, composite, outcome, recovered_by_verification, started_at, duration_ms)
      select ${company}::uuid, 'sync', 'create', g % 2 = 0, 'synced', g % 3, now(), g * 70 from generate_series(1, 300) g`);
    await db.execute(sql`
      insert into sync_attempts (company_id, action, method, path, http_status, latency_ms)
      select ${company}::uuid, 'create', 'POST', '/v2/bookings', case when g % 10 = 0 then null else 201 end, g * 40
        from generate_series(1, 300) g`);

    const same = async (totals: string, history: string) => {
      const [a, b] = await Promise.all([rows(db, sql.raw(totals)), rows(db, sql.raw(history))]);
      expect(a.length).toBeGreaterThan(1);
      expect(a).toEqual(b);
    };
    await same(
      `select name, result, le_ms, calls::int as n, sum_ms::int as s from metric_function_calls
        where company_id = '${company}' order by 1, 2, 3`,
      `select name, case when result->>'ok' = 'true' then 'ok' else result->>'error' end as result,
              metric_le_ms(latency_ms, '{5,10,25,50,100,250,500,1000,2500}') as le_ms, count(*)::int as n, sum(latency_ms)::int as s
         from function_calls where company_id = '${company}' group by 1, 2, 3 order by 1, 2, 3`,
    );
    await same(
      `select composite, le_ms, runs::int as n, recovered_by_verification::int as r, sum_ms::int as s from metric_sync_runs
        where company_id = '${company}' order by 1, 2`,
      `select composite, metric_le_ms(duration_ms, '{100,250,500,1000,2500,5000,10000,30000,60000}') as le_ms,
              count(*)::int as n, sum(recovered_by_verification)::int as r, sum(duration_ms)::int as s
         from sync_runs where company_id = '${company}' group by 1, 2 order by 1, 2`,
    );
    await same(
      `select status, le_ms, requests::int as n from metric_calcom_requests where company_id = '${company}' order by 1, 2`,
      `select coalesce(http_status::text, 'none') as status, metric_le_ms(latency_ms, '{50,100,250,500,1000,2500,5000,10000}') as le_ms,
              count(*)::int as n from sync_attempts where company_id = '${company}' group by 1, 2 order by 1, 2`,
    );
    const [bucket] = await rows<{ le_ms: number | null; calls: number }>(
      db,
      sql`select le_ms, calls::int from metric_function_calls where company_id = ${company} and name = 'book_appointment'`,
    );
    expect(bucket).toEqual({ le_ms: 10, calls: 20 });
  });
});

-- /api/metrics reads running totals instead of counting every salon's whole history at each scrape.
-- Statement triggers (transition tables) add each insert's rows, grouped, to the totals of 0017:
-- one upsert per statement, whether it wrote one row (a voice function) or a million (an import).
-- Rows are upserted in key order so concurrent statements lock shared totals in the same order.
-- Histogram bounds in ms; lib/metrics/registry.ts prints the same bounds in seconds.
CREATE FUNCTION "metric_le_ms"(ms integer, bounds integer[]) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT min(b) FROM unnest(bounds) b WHERE ms <= b $$;
--> statement-breakpoint
CREATE FUNCTION "count_function_calls"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metric_function_calls AS m (company_id, name, result, le_ms, calls, sum_ms)
  SELECT company_id, name,
         CASE WHEN result->>'ok' = 'true' THEN 'ok' ELSE coalesce(result->>'error', 'error') END,
         metric_le_ms(latency_ms, '{5,10,25,50,100,250,500,1000,2500}'), count(*), sum(latency_ms)
    FROM added GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT metric_function_calls_key
  DO UPDATE SET calls = m.calls + excluded.calls, sum_ms = m.sum_ms + excluded.sum_ms;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "count_sync_runs"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metric_sync_runs AS m (company_id, kind, action, outcome, composite, le_ms, runs, recovered_by_verification, sum_ms)
  SELECT company_id, kind, action, outcome, composite,
         metric_le_ms(duration_ms, '{100,250,500,1000,2500,5000,10000,30000,60000}'),
         count(*), sum(recovered_by_verification), sum(duration_ms)
    FROM added GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ON CONSTRAINT metric_sync_runs_key
  DO UPDATE SET runs = m.runs + excluded.runs,
                recovered_by_verification = m.recovered_by_verification + excluded.recovered_by_verification,
                sum_ms = m.sum_ms + excluded.sum_ms;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "count_calcom_requests"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metric_calcom_requests AS m (company_id, action, status, le_ms, requests, sum_ms)
  SELECT company_id, action, coalesce(http_status::text, 'none'),
         metric_le_ms(latency_ms, '{50,100,250,500,1000,2500,5000,10000}'), count(*), sum(latency_ms)
    FROM added GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT metric_calcom_requests_key
  DO UPDATE SET requests = m.requests + excluded.requests, sum_ms = m.sum_ms + excluded.sum_ms;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "function_calls_count" AFTER INSERT ON "function_calls"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_function_calls();
--> statement-breakpoint
CREATE TRIGGER "sync_runs_count" AFTER INSERT ON "sync_runs"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_sync_runs();
--> statement-breakpoint
CREATE TRIGGER "sync_attempts_count" AFTER INSERT ON "sync_attempts"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_calcom_requests();
--> statement-breakpoint
-- What happened before this migration, counted once.
INSERT INTO metric_function_calls (company_id, name, result, le_ms, calls, sum_ms)
SELECT company_id, name, CASE WHEN result->>'ok' = 'true' THEN 'ok' ELSE coalesce(result->>'error', 'error') END,
       metric_le_ms(latency_ms, '{5,10,25,50,100,250,500,1000,2500}'), count(*), sum(latency_ms)
  FROM function_calls GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO metric_sync_runs (company_id, kind, action, outcome, composite, le_ms, runs, recovered_by_verification, sum_ms)
SELECT company_id, kind, action, outcome, composite, metric_le_ms(duration_ms, '{100,250,500,1000,2500,5000,10000,30000,60000}'),
       count(*), sum(recovered_by_verification), sum(duration_ms)
  FROM sync_runs GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO metric_calcom_requests (company_id, action, status, le_ms, requests, sum_ms)
SELECT company_id, action, coalesce(http_status::text, 'none'), metric_le_ms(latency_ms, '{50,100,250,500,1000,2500,5000,10000}'),
       count(*), sum(latency_ms)
  FROM sync_attempts GROUP BY 1, 2, 3, 4;

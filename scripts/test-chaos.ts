import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { ask, isInternal, phoneCall, type Phone, violation } from "./lib/chaos/callers";
import {
  type ChaosRoundFigures,
  appointmentsSince,
  auditSync,
  workerConnectedAfter,
  workerMarksAfter,
  jobStates,
  type SyncAudit,
} from "./lib/chaos/checks";
import { createDatabaseIfMissing, freePort, startRestartableDatabase } from "./lib/database-server";
import { loadProjectEnv } from "./lib/env-file";
import { nextBin, runToCompletion, startProcess, stopAll, tsEntry, waitForHttp } from "./lib/processes";

/**
 * `npm run test:chaos [-- --rounds=3 --outage-ms=5000 --reuse-build --json=<file>]`: the production stack (web,
 * worker, Cal.com simulator) on an embedded PostgreSQL of its own, which is restarted while 20 phone
 * calls book and a batch of Cal.com syncs runs — once per round, on the same stack. Each round checks
 * what the issue promises and prints its figures; the last line is "N passed, N failed".
 */
loadProjectEnv("test");
const option = (name: string, fallback: number) => {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  return raw === undefined ? fallback : Number(raw);
};
const ROUNDS = option("rounds", 3);
const OUTAGE_MS = option("outage-ms", 5_000);
const CALLS = 20;
const BATCH = 6;
const RECOVERY_GOAL_MS = 10_000;
const REUSE_BUILD = process.argv.includes("--reuse-build");
/** --json=<file>: each round's figures for the bench (item 9). */
const JSON_FILE = process.argv.find((a) => a.startsWith("--json="))?.slice("--json=".length);
const figures: ChaosRoundFigures[] = [];

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "slotdesk-chaos-"));
const logFile = path.join(workDir, "stack.log");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const checks: { round: number; name: string; ok: boolean; detail: string }[] = [];
const check = (round: number, name: string, ok: boolean, detail: string) => {
  checks.push({ round, name, ok, detail });
  console.log(`  ${ok ? "✓" : "✗"} ${name}: ${detail}`);
};
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

const database = await startRestartableDatabase();
const url = database.urlFor("slotdesk_chaos");
await createDatabaseIfMissing(database.urlFor("postgres"), "slotdesk_chaos");
const [port, simPort] = [await freePort(), await freePort()];
const baseUrl = `http://127.0.0.1:${port}`;
const simUrl = `http://127.0.0.1:${simPort}`;
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: url,
  PORT: String(port),
  APP_URL: baseUrl,
  LOG_LEVEL: "info",
  CALCOM_SIM_PORT: String(simPort),
  CALCOM_SIM_STATE_FILE: path.join(workDir, "calcom-sim.json"),
  // The key limit is not what this test is about; it would only stretch the drain.
  CALCOM_SIM_RATE_LIMIT: "0",
  CALCOM_VERIFY_DELAY_MS: "200",
  SEED_REFERENCE_TIME: new Date().toISOString(),
} as NodeJS.ProcessEnv;
delete env.CALCOM_API_URL;
delete env.CALCOM_API_KEY;

console.log(`== Chaos test: ${ROUNDS} PostgreSQL restarts of ${OUTAGE_MS} ms (logs in ${workDir})`);
if (!(REUSE_BUILD && fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID")))) {
  console.log("next build …");
  const code = await runToCompletion([nextBin, "build"], env, path.join(workDir, "build.log"));
  if (code !== 0) throw new Error(`next build failed; see ${workDir}/build.log`);
}
const stack = startProcess("stack", tsEntry("scripts/run-stack.ts", ["start"]), env, logFile);
const stackAlive = () => stack.child.exitCode === null && stack.child.signalCode === null;
const sql = postgres(url, { max: 2, onnotice: () => {} });
try {
  if (!(await waitForHttp(`${baseUrl}/api/health`, 180_000, stackAlive)))
    throw new Error(`the stack did not start; see ${logFile}`);
  const [salon] = await sql<{ id: string; agent: string }[]>`
    select id, retell_agent_id as agent from companies where retell_agent_id = 'agent_demo'`;
  if (!salon) throw new Error("demo salon missing");
  // Cal.com answers as slowly as the real one does, so the syncs are still at work when the database goes.
  await fetch(`${simUrl}/__sim/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ latencyMs: 400, latencyJitterMs: 300 }),
  });
  for (let round = 1; round <= ROUNDS; round++) await runRound(round, salon.id, salon.agent);
} finally {
  await sql.end({ timeout: 1 }).catch(() => {});
  await stopAll([stack]);
  await database.destroy();
}
const passed = checks.filter((c) => c.ok).length;
if (JSON_FILE)
  fs.writeFileSync(
    JSON_FILE,
    `${JSON.stringify({ passed, failed: checks.length - passed, rounds: figures }, null, 2)}\n`,
  );
console.log(`\n${passed} passed, ${checks.length - passed} failed`);
process.exit(checks.length > 0 && passed === checks.length ? 0 : 1);

async function runRound(round: number, companyId: string, agentId: string): Promise<void> {
  console.log(`\n== Round ${round}`);
  const since = new Date(Date.now() - 1_000);
  const phone: Phone = { agentId, apiKey: process.env.RETELL_API_KEY!, baseUrl, answers: [] };
  // Each round books its own fortnight, far from the demo data and from the other rounds.
  const days = Array.from({ length: 14 }, (_, i) => isoDay(40 + round * 21 + i));
  const number = (n: number) => `+4915190${round}${String(n).padStart(4, "0")}`;
  // The batch: perms booked first, whose four Cal.com bookings each are being made during the restart.
  const batch = await Promise.all(
    Array.from({ length: BATCH }, (_, i) =>
      phoneCall(phone, {
        index: 100 + i,
        fromNumber: number(100 + i),
        service: "Dauerwelle",
        days,
        budgetMs: 60_000,
        talkMs: 0,
      }),
    ),
  );
  const calls = Array.from({ length: CALLS }, (_, i) =>
    sleep(i * 100).then(() =>
      phoneCall(phone, {
        index: i,
        fromNumber: number(i),
        service: i % 4 === 0 ? "Dauerwelle" : "Herrenhaarschnitt",
        days,
        budgetMs: 90_000,
        talkMs: 600,
      }),
    ),
  );
  await sleep(1_500);
  const running = await jobStates(sql, since);
  const downAt = Date.now();
  await database.stop();
  await sleep(OUTAGE_MS);
  await database.start();
  const upAt = Date.now();

  // The web is back when a function call that needs the database is answered ok again.
  const probe = { callId: `call_chaosprobe${round}${Date.now().toString(16)}`, fromNumber: number(999) };
  let webBackMs: number | null = null;
  while (Date.now() - upAt < 60_000) {
    const answer = await ask(phone, { ...probe, startedAt: upAt }, "list_services", {});
    if (answer.body?.ok === true) {
      webBackMs = answer.sentAt + answer.ms - upAt;
      break;
    }
    await sleep(100);
  }
  // The worker is back when its queue connections are: pg-boss polls every queue each second.
  let workerBackMs: number | null = null;
  while (Date.now() - upAt < 60_000) {
    const connected = await workerConnectedAfter(sql, new Date(upAt)).catch(() => null);
    if (connected) {
      workerBackMs = connected.getTime() - upAt;
      break;
    }
    await sleep(100);
  }
  const outcomes = [...batch, ...(await Promise.all(calls))];

  // Drain: every sync job done, every appointment synced (retries back off 10 s, 20 s, …).
  let audit: SyncAudit | null = null;
  let jobs = await jobStates(sql, since);
  const drainStart = Date.now();
  while (Date.now() - drainStart < 240_000) {
    jobs = await jobStates(sql, since);
    audit = await auditSync(sql, simUrl, companyId, since);
    if (jobs.open === 0 && audit.unsynced.length === 0) break;
    await sleep(1_000);
  }
  const drainedMs = Date.now() - upAt;
  const marks = await workerMarksAfter(sql, new Date(upAt));
  const after = (d: Date | null | undefined) => (d ? `${d.getTime() - upAt} ms` : "–");
  console.log(
    `  queue after the restart: first sync job enqueued ${after(marks.created)}, first job started ` +
      `${after(marks.started)}, first job end recorded ${after(marks.ended)} (Cal.com requests are paced ` +
      `at 120 per minute and key, as the real API allows)`,
  );
  audit ??= await auditSync(sql, simUrl, companyId, since);

  const answers = phone.answers;
  const problems = answers.map(violation).filter((v): v is string => v !== null);
  const duringOutage = answers.filter((a) => a.sentAt + a.ms >= downAt && a.sentAt <= upAt + (webBackMs ?? 0));
  const internal = answers.filter(isInternal);
  const slowest = Math.max(...answers.map((a) => a.ms));
  const bookedAfterUp = answers
    .filter((a) => a.sentAt >= upAt && a.body?.booked === true)
    .map((a) => a.sentAt + a.ms - upAt);
  const firstBookingMs = bookedAfterUp.length ? Math.min(...bookedAfterUp) : null;
  console.log(
    `  figures: ${answers.length} function calls, ${duringOutage.length} during the outage, ` +
      `${internal.length} answered "internal" (technical problem), slowest answer ${slowest} ms; ` +
      `${running.active} sync jobs running at the restart; web back after ${webBackMs} ms, worker after ` +
      `${workerBackMs} ms, first booking after ${firstBookingMs} ms; ${audit.appointments} appointments with ` +
      `${audit.staffPhases} Cal.com segments synced ` +
      `${drainedMs} ms after the database returned`,
  );

  figures.push({
    round,
    webBackMs,
    workerBackMs,
    firstBookingMs,
    drainedMs,
    calls: answers.length,
    internal: internal.length,
  });
  check(round, "a sync batch was running when PostgreSQL stopped", running.active > 0, `${running.active} jobs active`);
  check(
    round,
    "every function call answered within 10 s, with ok/message, internal only as a technical problem",
    problems.length === 0 && internal.length > 0,
    problems.length ? problems.slice(0, 3).join("; ") : `${answers.length} answers, ${internal.length} internal`,
  );
  const committed = new Map((await appointmentsSince(sql, companyId, since)).map((a) => [a.id, a.status]));
  const told = outcomes.flatMap((o) => (o.booked ? [o.booked.appointmentId] : []));
  const untrue = told.filter((id) => committed.get(id) !== "confirmed");
  check(
    round,
    "every booked:true names a committed appointment",
    untrue.length === 0,
    `${told.length} booked:true, ${untrue.length} not committed`,
  );
  check(
    round,
    "every caller got a booking after the restart",
    told.length === CALLS + BATCH && new Set(told).size === told.length,
    `${told.length} of ${CALLS + BATCH} callers booked, ${committed.size} appointments committed`,
  );
  check(
    round,
    "the web answers again within 10 s of the database returning",
    webBackMs !== null && webBackMs <= RECOVERY_GOAL_MS,
    `${webBackMs} ms`,
  );
  check(
    round,
    "the worker is connected to the queue again within 10 s of the database returning",
    workerBackMs !== null && workerBackMs <= RECOVERY_GOAL_MS,
    `${workerBackMs} ms`,
  );
  check(
    round,
    "every committed appointment is in Cal.com exactly once",
    audit.unsynced.length === 0 && audit.phaseProblems.length === 0 && audit.extraBookings.length === 0,
    `${audit.appointments} appointments, ${audit.staffPhases} segments; unsynced ${audit.unsynced.length}, ` +
      `phase problems ${audit.phaseProblems.slice(0, 3).join(", ") || 0}, extra bookings ${audit.extraBookings.length}`,
  );
  check(
    round,
    "no sync job stuck or failed",
    jobs.open === 0 && jobs.failed === 0,
    `${jobs.open} open, ${jobs.failed} failed`,
  );
  check(round, "web, worker and simulator still running", stackAlive(), stackAlive() ? "yes" : `see ${logFile}`);
}

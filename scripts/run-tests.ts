import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { createDatabaseIfMissing, ensureDatabaseServer, freePort } from "./lib/database-server";
import { loadProjectEnv } from "./lib/env-file";
import { type Managed, nextBin, runToCompletion, startProcess, stopAll, tsEntry, waitForHttp } from "./lib/processes";

/**
 * `npm test`: type check, Vitest (unit + integration on real PostgreSQL) and Playwright e2e
 * against a production build with its own throw-away database. Ends with "N passed, N failed".
 */
loadProjectEnv("test");
const root = process.cwd();
const artifacts = path.join(root, "e2e-artifacts");
fs.rmSync(artifacts, { recursive: true, force: true });
fs.mkdirSync(path.join(artifacts, "screenshots"), { recursive: true });

const tally = { passed: 0, failed: 0 };
const record = (label: string, passed: number, failed: number) => {
  tally.passed += passed;
  tally.failed += failed;
  console.log(`\n== ${label}: ${passed} passed, ${failed} failed\n`);
};
const readJson = <T>(file: string): T | null => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as T) : null);

const server = await ensureDatabaseServer("test");
const serverUrl = server.urlFor("postgres");
const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } as NodeJS.ProcessEnv;
let stack: Managed[] = [];
const e2eDatabase = `slotdesk_e2e_${process.pid}`;

try {
  console.log("== Type check");
  const tscBin = path.join(root, "node_modules", "typescript", "bin", "tsc");
  const tsc = await runToCompletion([tscBin, "--noEmit"], baseEnv);
  record("typecheck", tsc === 0 ? 1 : 0, tsc === 0 ? 0 : 1);

  console.log("== Vitest (unit and integration, real PostgreSQL)");
  const vitestJson = path.join(artifacts, "vitest.json");
  const vitestBin = path.join(root, "node_modules", "vitest", "vitest.mjs");
  const vitestCode = await runToCompletion(
    [vitestBin, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`],
    { ...baseEnv, NODE_ENV: "test", TEST_DATABASE_SERVER_URL: serverUrl, LOG_LEVEL: "silent", CALCOM_VERIFY_DELAY_MS: "0" },
  );
  const vitest = readJson<{ numPassedTests: number; numFailedTests: number }>(vitestJson);
  record("vitest", vitest?.numPassedTests ?? 0, vitest ? vitest.numFailedTests + (vitestCode !== 0 && vitest.numFailedTests === 0 ? 1 : 0) : 1);

  console.log("== Playwright e2e (production build, Debian Chromium)");
  await createDatabaseIfMissing(serverUrl, e2eDatabase);
  const port = await freePort();
  const simPort = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const stackEnv = {
    ...baseEnv,
    NODE_ENV: "production",
    DATABASE_URL: server.urlFor(e2eDatabase),
    PORT: String(port),
    APP_URL: appUrl,
    LOG_LEVEL: "warn",
    CALCOM_SIM_PORT: String(simPort),
    CALCOM_SIM_STATE_FILE: path.join(os.tmpdir(), `slotdesk-e2e-calcom-${process.pid}.json`),
    CALCOM_VERIFY_DELAY_MS: "200",
  } as NodeJS.ProcessEnv;
  const build = await runToCompletion([nextBin, "build"], stackEnv);
  if (build !== 0) {
    record("next build", 0, 1);
  } else {
    stack = [startProcess("stack", tsEntry("scripts/run-stack.ts", ["start"]), stackEnv)];
    const up = await waitForHttp(`${appUrl}/api/health`, 180_000, () => stack[0]!.child.exitCode === null);
    if (!up) {
      record("e2e stack start", 0, 1);
    } else {
      const playwrightCli = path.join(root, "node_modules", "@playwright", "test", "cli.js");
      await runToCompletion([playwrightCli, "test"], {
        ...baseEnv,
        E2E_BASE_URL: appUrl,
        E2E_CALCOM_SIM_URL: `http://127.0.0.1:${simPort}`,
        DATABASE_URL: server.urlFor(e2eDatabase),
      });
      const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(path.join(artifacts, "results.json"));
      record("playwright", report ? report.stats.expected + report.stats.flaky : 0, report ? report.stats.unexpected : 1);
    }
  }
} finally {
  await stopAll(stack);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${e2eDatabase} with (force)`).catch(() => {});
  await admin.end();
  await server.stop();
}

console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed === 0 ? 0 : 1);

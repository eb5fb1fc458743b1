import fs from "node:fs";
import path from "node:path";
import type { ChaosRoundFigures } from "../../scripts/lib/chaos/checks";
import { runToCompletion, tsEntry } from "../../scripts/lib/processes";
import { benchTmp } from "../lib/stack";
import { summarize, type Summary } from "../lib/stats";

export type RecoveryResult = {
  rounds: ChaosRoundFigures[];
  checksPassed: number;
  checksFailed: number;
  firstBookingMs: Summary;
  drainedMs: Summary;
  webBackMs: Summary;
};

/**
 * Item 9: recovery from a PostgreSQL restart, as `npm run test:chaos` measures it (production stack,
 * 20 phone calls booking and a batch of Dauerwelle syncs running when the database stops for 5 s):
 * from the database's return to the first successful voice booking and to the sync queue drained.
 */
export async function measureRecovery(rounds: number, log: (line: string) => void): Promise<RecoveryResult> {
  const file = path.join(benchTmp, "chaos.json");
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The chaos test brings its own database, stack and settings.
  for (const key of ["DATABASE_URL", "NODE_ENV", "PORT", "APP_URL"]) delete env[key];
  const code = await runToCompletion(
    tsEntry("scripts/test-chaos.ts", ["--reuse-build", `--rounds=${rounds}`, `--json=${file}`]),
    env,
    path.join(benchTmp, "chaos.log"),
  );
  if (!fs.existsSync(file)) throw new Error(`test:chaos ended (exit ${code}) without figures; see bench/tmp/chaos.log`);
  const result = JSON.parse(fs.readFileSync(file, "utf8")) as {
    passed: number;
    failed: number;
    rounds: ChaosRoundFigures[];
  };
  const numbers = (key: "firstBookingMs" | "drainedMs" | "webBackMs") =>
    result.rounds.map((r) => r[key]).filter((v): v is number => v !== null);
  const recovery: RecoveryResult = {
    rounds: result.rounds,
    checksPassed: result.passed,
    checksFailed: result.failed,
    firstBookingMs: summarize(numbers("firstBookingMs")),
    drainedMs: summarize(numbers("drainedMs")),
    webBackMs: summarize(numbers("webBackMs")),
  };
  log(
    `9 recovery: ${result.passed} checks passed, ${result.failed} failed; first booking ${numbers("firstBookingMs").join("/")} ms, drained ${numbers("drainedMs").join("/")} ms`,
  );
  return recovery;
}

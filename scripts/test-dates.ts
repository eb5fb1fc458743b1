import { spawn, spawnSync } from "node:child_process";
import { zonedInstant } from "../lib/time";

/**
 * `npm run test:dates`: the whole suite (`npm test`) with the clock faked by Debian's `faketime`
 * for every process it starts — Node, Next.js, Chromium and the embedded PostgreSQL (the machine's
 * own server keeps the real clock, so DATABASE_URL is dropped). One line per moment, then
 * "N passed, N failed" over all of them. `-- --only=<label>` runs one moment.
 */
const MOMENTS: { label: string; date: string; minute: number }[] = [
  { label: "Monday 07:55", date: "2027-01-11", minute: 7 * 60 + 55 },
  { label: "Saturday 17:50", date: "2027-07-10", minute: 17 * 60 + 50 },
  { label: "night before spring DST", date: "2027-03-27", minute: 23 * 60 + 30 },
  { label: "night before autumn DST", date: "2027-10-30", minute: 23 * 60 + 30 },
  { label: "New Year's Eve 22:00", date: "2026-12-31", minute: 22 * 60 },
  { label: "leap day 12:00", date: "2028-02-29", minute: 12 * 60 },
];
const TIME_ZONE = "Europe/Berlin";

if (spawnSync("faketime", ["-f", "+0", "true"]).status !== 0) {
  console.error("faketime is missing: install Debian's package with `apt-get install faketime`.");
  process.exit(1);
}

const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const chosen = MOMENTS.filter((m) => !only || m.label === only);
if (chosen.length === 0) {
  console.error(`No moment named "${only}". Known: ${MOMENTS.map((m) => m.label).join(", ")}`);
  process.exit(1);
}

/**
 * A relative offset, not faketime's "@<start>": with "@" every process starts at that moment when
 * it starts, so the worker launched a minute after PostgreSQL would run a minute behind it.
 */
function offsetTo(instant: Date): string {
  const seconds = Math.round((instant.getTime() - Date.now()) / 1000);
  return seconds >= 0 ? `+${seconds}` : String(seconds);
}

function runSuiteAt(instant: Date): Promise<{ passed: number; failed: number; seconds: number }> {
  // Monotonic clocks stay real; without the monotonic fix-up Chromium starts in 0.5 s instead of 20.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TZ: "UTC",
    FAKETIME_DONT_FAKE_MONOTONIC: "1",
    FAKETIME_FORCE_MONOTONIC_FIX: "0",
  };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_SERVER_URL;
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn("faketime", ["-f", offsetTo(instant), "npm", "test"], {
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let last = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      last = (last + chunk.toString()).slice(-2000);
    });
    child.on("close", () => {
      const tally = /(\d+) passed, (\d+) failed\s*$/.exec(last);
      const seconds = Math.round((performance.now() - started) / 1000);
      resolve(
        tally ? { passed: Number(tally[1]), failed: Number(tally[2]), seconds } : { passed: 0, failed: 1, seconds },
      );
    });
  });
}

const lines: string[] = [];
const total = { passed: 0, failed: 0 };
for (const moment of chosen) {
  const instant = zonedInstant(moment.date, moment.minute, TIME_ZONE);
  console.log(
    `\n=== ${moment.label}: ${moment.date} ${String(Math.floor(moment.minute / 60)).padStart(2, "0")}:${String(moment.minute % 60).padStart(2, "0")} ${TIME_ZONE} = ${instant.toISOString()}\n`,
  );
  const result = await runSuiteAt(instant);
  total.passed += result.passed;
  total.failed += result.failed;
  lines.push(
    `${moment.label.padEnd(26)} ${moment.date} → ${result.passed} passed, ${result.failed} failed (${result.seconds} s)`,
  );
}
console.log(`\n${lines.join("\n")}`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed === 0 ? 0 : 1);

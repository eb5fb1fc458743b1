import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const BOOT_LIMIT_MS = 10_000;

type Exit = { code: number | null; stdout: string; stderr: string; ms: number };

/** Runs a process of the app with `drop` removed from the test's (valid) environment. */
function run(args: string[], drop: string[], extra: Record<string, string> = {}): Promise<Exit> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "warn", ...extra };
  for (const name of drop) delete childEnv[name];
  const started = Date.now();
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", ...args], {
    cwd: root,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), BOOT_LIMIT_MS);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

const REGISTER = "await (await import('./instrumentation.ts')).register(); console.log('registered');";
const web = (drop: string[], extra: Record<string, string> = {}) =>
  run(["--input-type=module", "-e", REGISTER], drop, { NEXT_RUNTIME: "nodejs", ...extra });
const worker = (drop: string[]) => run(["jobs/worker.ts"], drop);

describe("configuration checked at boot", () => {
  it("the worker without RETELL_API_KEY exits 1 within seconds, naming it", async () => {
    const exit = await worker(["RETELL_API_KEY"]);
    expect(exit.code).toBe(1);
    expect(exit.ms).toBeLessThan(BOOT_LIMIT_MS);
    expect(exit.stderr).toContain("SlotDesk worker not started");
    expect(exit.stderr).toContain("RETELL_API_KEY: missing");
  });

  it("the worker lists every problem at once", async () => {
    const exit = await worker(["RETELL_API_KEY", "AUTH_SECRET", "DATABASE_URL"]);
    expect(exit.code).toBe(1);
    for (const name of ["DATABASE_URL", "AUTH_SECRET", "RETELL_API_KEY"]) {
      expect(exit.stderr).toContain(`${name}: missing`);
    }
  });

  it("the web server's register() without RETELL_API_KEY exits 1 within seconds, naming it", async () => {
    const exit = await web(["RETELL_API_KEY", "AUTH_SECRET"]);
    expect(exit.code).toBe(1);
    expect(exit.ms).toBeLessThan(BOOT_LIMIT_MS);
    expect(exit.stdout).not.toContain("registered");
    expect(exit.stderr).toContain("SlotDesk web not started");
    expect(exit.stderr).toContain("RETELL_API_KEY: missing");
    expect(exit.stderr).toContain("AUTH_SECRET: missing");
  });

  it("the web server in production without METRICS_TOKEN exits 1, naming it (GET /api/metrics would be open)", async () => {
    const exit = await web(["METRICS_TOKEN"], { NODE_ENV: "production" });
    expect(exit.code).toBe(1);
    expect(exit.stdout).not.toContain("registered");
    expect(exit.stderr).toContain("SlotDesk web not started");
    expect(exit.stderr).toContain("METRICS_TOKEN: missing (required in production");

    const empty = await web([], { NODE_ENV: "production", METRICS_TOKEN: "" });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain("METRICS_TOKEN: missing");
  });

  it("the web server in production lists a missing METRICS_TOKEN with every other problem", async () => {
    const exit = await web(["METRICS_TOKEN", "RETELL_API_KEY"], { NODE_ENV: "production" });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain("RETELL_API_KEY: missing");
    expect(exit.stderr).toContain("METRICS_TOKEN: missing");
  });

  it("the web server starts in production with METRICS_TOKEN, and outside production without it", async () => {
    const production = await web([], { NODE_ENV: "production", METRICS_TOKEN: "a-metrics-token" });
    expect(production).toMatchObject({ code: 0, stderr: "" });
    expect(production.stdout).toContain("registered");
    for (const mode of ["development", "test"]) {
      const exit = await web(["METRICS_TOKEN"], { NODE_ENV: mode });
      expect(exit).toMatchObject({ code: 0, stderr: "" });
    }
  });

  it("the web server's register() lets a valid configuration through", async () => {
    const exit = await web([]);
    expect(exit).toMatchObject({ code: 0, stderr: "" });
    expect(exit.stdout).toContain("registered");
  });
});

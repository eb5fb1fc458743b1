import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type Managed = { name: string; child: ChildProcess };

export const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

/** A TypeScript entry point run by tsx, resolving `server-only` the way Next's server does. */
export function tsEntry(file: string, args: string[] = []): string[] {
  return ["--conditions=react-server", "--import", "tsx", file, ...args];
}

/** Output goes to this terminal, or appended to `logFile` when given. */
export function startProcess(name: string, args: string[], env: NodeJS.ProcessEnv, logFile?: string): Managed {
  const out = logFile ? fs.openSync(logFile, "a") : "inherit";
  const child = spawn(process.execPath, args, { env, stdio: logFile ? ["ignore", out, out] : "inherit" });
  if (typeof out === "number") fs.closeSync(out);
  return { name, child };
}

export function runToCompletion(args: string[], env: NodeJS.ProcessEnv, logFile?: string): Promise<number> {
  return new Promise((resolve) => {
    const out = logFile ? fs.openSync(logFile, "a") : "inherit";
    const child = spawn(process.execPath, args, { env, stdio: logFile ? ["ignore", out, out] : "inherit" });
    if (typeof out === "number") fs.closeSync(out);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** SIGTERM everything, SIGKILL what is still alive after the grace period. */
export async function stopAll(processes: Managed[], graceMs = 20_000): Promise<void> {
  await Promise.all(
    processes.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
}

export async function waitForHttp(url: string, timeoutMs: number, isAlive: () => boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && isAlive()) {
    try {
      const response = await fetch(url);
      if (response.status < 500 || response.status === 503) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

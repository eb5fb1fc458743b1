import fs from "node:fs";
import path from "node:path";
import {
  type Managed,
  nextBin,
  runToCompletion,
  startProcess,
  stopAll,
  tsEntry,
  waitForHttp,
} from "../../scripts/lib/processes";

/** The production web server and the job worker, as `npm start` runs them, with logs in bench/tmp. */

export const benchTmp = path.join(process.cwd(), "bench", "tmp");

export async function buildProduction(env: NodeJS.ProcessEnv, reuse: boolean): Promise<"built" | "reused"> {
  if (reuse && fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) return "reused";
  const code = await runToCompletion([nextBin, "build"], env, path.join(benchTmp, "build.log"));
  if (code !== 0) throw new Error(`next build failed (exit ${code}); see bench/tmp/build.log`);
  return "built";
}

export async function startWeb(env: NodeJS.ProcessEnv, port: number): Promise<Managed> {
  // BENCH_WEB_PROF=<dir>: the web server writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_WEB_PROF
    ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_WEB_PROF)}`]
    : [];
  const web = startProcess(
    "web",
    [...profile, nextBin, "start", "-p", String(port)],
    { ...env, SLOTDESK_PROCESS: "web" },
    path.join(benchTmp, "web.log"),
  );
  const up = await waitForHttp(`http://127.0.0.1:${port}/api/health`, 120_000, () => web.child.exitCode === null);
  if (!up) throw new Error("the web server did not come up; see bench/tmp/web.log");
  return web;
}

export async function startWorker(env: NodeJS.ProcessEnv, logName = "worker.log"): Promise<Managed> {
  const worker = startProcess(
    "worker",
    tsEntry("jobs/worker.ts"),
    { ...env, SLOTDESK_PROCESS: "worker" },
    path.join(benchTmp, logName),
  );
  // The worker logs "worker started" once every queue has its handler.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (worker.child.exitCode !== null) break;
    if (fs.readFileSync(path.join(benchTmp, logName), "utf8").includes("worker started")) return worker;
    await new Promise((r) => setTimeout(r, 200));
  }
  await stopAll([worker]);
  throw new Error(`the job worker did not start; see bench/tmp/${logName}`);
}

export { stopAll };

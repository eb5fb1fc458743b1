import { execFileSync } from "node:child_process";
import fs from "node:fs";

/**
 * CPU time of process trees on this machine (Linux /proc): user + system of a process and all its
 * descendants, including children that already exited (their time is added to the parent's
 * cutime/cstime when it reaps them). For the web server, the worker and PostgreSQL's postmaster.
 */

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

type Stat = { pid: number; ppid: number; ticks: number };

function readStat(pid: string): Stat | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name "(…)": state ppid … utime(14) stime(15) cutime(16) cstime(17).
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
    return { pid: Number(pid), ppid: Number(fields[1]), ticks: utime! + stime! + cutime! + cstime! };
  } catch {
    return null;
  }
}

/** Milliseconds of CPU used so far by `rootPid` and every process below it. */
export function treeCpuMs(rootPid: number): number {
  const stats = fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(readStat)
    .filter((s): s is Stat => s !== null);
  const children = new Map<number, Stat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  let ticks = 0;
  const stack = stats.filter((s) => s.pid === rootPid);
  while (stack.length) {
    const s = stack.pop()!;
    ticks += s.ticks;
    stack.push(...(children.get(s.pid) ?? []));
  }
  return (ticks * 1000) / ticksPerSecond;
}

/** PostgreSQL's postmaster (the parent of a backend, `select pg_backend_pid()`): its tree is the database's CPU. */
export function postmasterPid(backendPid: number): number {
  const stat = readStat(String(backendPid));
  if (!stat) throw new Error("PostgreSQL runs on another machine: its CPU cannot be read here");
  return stat.ppid;
}

/** CPU of several trees between `start()` and the returned function's call, in ms per tree. */
export function cpuMeter(pids: Record<string, number>) {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, treeCpuMs(pid)]));
  return () =>
    Object.fromEntries(
      Object.entries(pids).map(([name, pid]) => [name, Math.round(treeCpuMs(pid) - before[name]!)]),
    ) as Record<string, number>;
}

import { afterEach } from "vitest";
import { type CalcomSimulator, type SimOptions, startCalcomSimulator } from "@/dev/calcom-sim";

/** Shared helpers for the simulator tests: a controllable clock, a started simulator, a fetch wrapper. */

export const KEY = "cal_live_salon_a";
export const OTHER_KEY = "cal_live_salon_b";
export const VERSION = { bookings: "2024-08-13", slots: "2024-09-04", eventTypes: "2024-06-14" } as const;

/** Simulator clock: Monday 2030-06-03 06:00 UTC unless told otherwise. */
export class Clock {
  private t: number;
  constructor(iso = "2030-06-03T06:00:00.000Z") {
    this.t = Date.parse(iso);
  }
  now = () => new Date(this.t);
  advance(ms: number) {
    this.t += ms;
  }
}

const running: CalcomSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

/** A started simulator that knows KEY and OTHER_KEY (Cal.com answers unknown keys with 401). */
export async function startSim(options: SimOptions = {}) {
  const clock = new Clock();
  const sim = await startCalcomSimulator({ now: clock.now, ...options });
  running.push(sim);
  for (const apiKey of [KEY, OTHER_KEY]) sim.state.addApiKey({ apiKey });
  return { sim, clock };
}

export type Reply = { status: number; headers: Headers; body: any };

export async function call(
  sim: CalcomSimulator,
  method: string,
  path: string,
  opts: { body?: unknown; key?: string | null; version?: string | null; signal?: AbortSignal } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  const key = opts.key === undefined ? KEY : opts.key;
  if (key) headers.Authorization = `Bearer ${key}`;
  const version = opts.version === undefined ? defaultVersion(path) : opts.version;
  if (version) headers["cal-api-version"] = version;
  if (opts.body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // non-JSON (e.g. the 504 gateway page)
  }
  return { status: res.status, headers: res.headers, body };
}

function defaultVersion(path: string): string | null {
  if (path.startsWith("/v2/bookings")) return VERSION.bookings;
  if (path.startsWith("/v2/slots")) return VERSION.slots;
  if (path.startsWith("/v2/event-types")) return VERSION.eventTypes;
  if (path.startsWith("/v2/")) return VERSION.bookings;
  return null;
}

export const attendee = { name: "Ana Silva", timeZone: "Europe/Berlin", email: "ana@example.com" };

export function bookingBody(eventTypeId: number, start: string, extra: Record<string, unknown> = {}) {
  return { start, eventTypeId, attendee, ...extra };
}

/** A single-host team event type, as SlotDesk provisions them. */
export function addStylistEventType(
  sim: CalcomSimulator,
  userId: number,
  length = 30,
  extra: Record<string, unknown> = {},
) {
  return sim.state.addEventType({
    apiKey: KEY,
    title: `Cut ${userId} ${length}`,
    lengthInMinutes: length,
    hosts: [{ userId, name: `Stylist ${userId}` }],
    schedulingType: "roundRobin",
    teamId: 10,
    ...extra,
  });
}

/** Error envelope of reference §3.1 with the given status and message. */
export function expectEnvelope(reply: Reply, status: number, code: string, message: string | RegExp) {
  if (reply.status !== status)
    throw new Error(`expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  const { body } = reply;
  if (body?.status !== "error" || body.error?.code !== code) throw new Error(`bad envelope: ${JSON.stringify(body)}`);
  const ok = typeof message === "string" ? body.error.message === message : message.test(body.error.message);
  if (!ok) throw new Error(`unexpected message: ${body.error.message}`);
}

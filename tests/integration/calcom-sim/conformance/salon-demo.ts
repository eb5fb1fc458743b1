import { type CalcomSimulator, startCalcomSimulator } from "@/dev/calcom-sim";
import { Clock } from "../helpers";

/**
 * The Cal.com the recordings were made against: team "Salon Demo" (not an organization), its owner
 * Sandra Keller (not a host) and three members with Mon–Sat 09:00–18:00 Europe/Berlin schedules, each
 * with an API key. User and schedule ids are the ones GET /v2/me shows in rate-limit-429.json.
 */

/** The recordings were made on 2026-12-01; every booking in them lies in 2027. */
export const RECORDED_ON = "2026-12-01T09:00:00.000Z";
export const SALON_TEAM_ID = 7;
export const OTHER_TEAM_ID = 8;

const person = (id: number, name: string, scheduleId?: number) => ({
  id,
  name,
  email: `${name.toLowerCase().replace(" ", ".")}@salon-demo.test`,
  username: name.toLowerCase().replace(" ", "-"),
  timeZone: "Europe/Berlin",
  locale: "de",
  ...(scheduleId
    ? { schedule: { id: scheduleId, days: [1, 2, 3, 4, 5, 6], startTime: "09:00", endTime: "18:00" } }
    : {}),
});
export const USERS = {
  sandra: person(2, "Sandra Keller", 1),
  fabian: person(3, "Fabian Spitzer", 2),
  emma: person(4, "Emma Wagner", 3),
  mehmet: person(5, "Mehmet Yilmaz", 4),
  /** Someone in the same Cal.com outside the salon: owner of team 8 and of a personal event type. */
  olga: person(6, "Olga Fremd", 5),
};
export const KEYS = {
  owner: "cal_live_sandra_keller",
  fabian: "cal_live_fabian_spitzer",
  emma: "cal_live_emma_wagner",
  mehmet: "cal_live_mehmet_yilmaz",
  olga: "cal_live_olga_fremd",
};
/** API-key labels of the recordings; `member` and `other-user` are Mehmet's and Fabian's keys (see GET /v2/me). */
export const KEY_LABELS: Record<string, string> = {
  "<api-key:owner>": KEYS.owner,
  "<api-key:fabian>": KEYS.fabian,
  "<api-key:emma>": KEYS.emma,
  "<api-key:mehmet>": KEYS.mehmet,
  "<api-key:member>": KEYS.mehmet,
  "<api-key:other-user>": KEYS.fabian,
  "<invalid-key>": "cal_live_never_issued_0000",
};

export type Reply = { status: number; headers: Headers; body: any; raw: string };
export type Call = (
  method: string,
  path: string,
  opts?: { key?: string | null; version?: string; body?: unknown },
) => Promise<Reply>;

export async function startSalonDemo() {
  const clock = new Clock(RECORDED_ON);
  const sim = await startCalcomSimulator({ now: clock.now });
  for (const user of Object.values(USERS)) sim.state.addUser(user);
  sim.state.addApiKey({ apiKey: KEYS.owner, userId: USERS.sandra.id });
  for (const who of ["fabian", "emma", "mehmet", "olga"] as const) {
    sim.state.addApiKey({ apiKey: KEYS[who], userId: USERS[who].id, accountKey: KEYS.owner });
  }
  const member = (u: { id: number }) => ({ userId: u.id, role: "MEMBER" as const });
  sim.state.addTeam({
    apiKey: KEYS.owner,
    id: SALON_TEAM_ID,
    name: "Salon Demo",
    members: [
      { userId: USERS.sandra.id, role: "OWNER" },
      member(USERS.fabian),
      member(USERS.emma),
      member(USERS.mehmet),
    ],
  });
  sim.state.addTeam({
    apiKey: KEYS.owner,
    id: OTHER_TEAM_ID,
    name: "Salon Nebenan",
    members: [{ userId: USERS.olga.id, role: "OWNER" }],
  });
  return { sim, clock, call: caller(sim) };
}

export function caller(sim: CalcomSimulator): Call {
  return async (method, path, opts = {}) => {
    const headers: Record<string, string> = {};
    const key = opts.key === undefined ? KEYS.owner : opts.key;
    if (key) headers.authorization = `Bearer ${key}`;
    if (opts.version) headers["cal-api-version"] = opts.version;
    if (opts.body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${sim.url}${path}`, {
      method,
      headers,
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
    const raw = await res.text();
    return { status: res.status, headers: res.headers, body: raw ? JSON.parse(raw) : undefined, raw };
  };
}

import { createHmac } from "node:crypto";
import { Binder } from "./binder";
import { type Check, Comparer } from "./compare";
import { startReceiver, type Delivery } from "./receiver";
import { isDelivery, type Exchange, type Recording } from "./recording";
import { KEY_LABELS, type Reply, startSalonDemo } from "./salon-demo";
import { createEventTypes, RECORDED_RECEIVER, WEBHOOK_SECRET, type World } from "./salon-records";
import { SETUPS } from "./setups";

/**
 * Replays one recording against a fresh simulator set up as its `setup` describes and returns every
 * difference found. Requests go out in the recorded order; the concurrent-* files put all their
 * creates in flight at once through the simulator's commit gate.
 */

export type Exception = {
  file?: string;
  exchanges?: number[];
  path: RegExp;
  check: (b: Binder) => Check;
  reason: string;
};
type Options = { exceptions: Exception[]; headerValuesIn: string[] };

const RATE_HEADERS = ["x-ratelimit-limit-default", "x-ratelimit-remaining-default", "x-ratelimit-reset-default"];

export async function replay(rec: Recording, options: Options): Promise<string[]> {
  const setup = SETUPS[rec.file];
  if (!setup) return [`no setup for ${rec.file}`];
  const demo = await startSalonDemo();
  const receiver = setup.receiver ? await startReceiver() : undefined;
  try {
    const w: World = {
      ...demo,
      et: await createEventTypes(demo.call, setup.eventTypes),
      ...(receiver ? { receiver } : {}),
    };
    const binder = new Binder();
    if (receiver) {
      binder.alias(RECORDED_RECEIVER, receiver.origin);
      binder.bind("<webhook-secret>", WEBHOOK_SECRET);
    }
    for (const [token, value] of Object.entries((await setup.prepare?.(w)) ?? {})) binder.bind(token, value);
    await demo.sim.state.webhooksIdle();
    receiver?.received.splice(0);
    const problems: string[] = [];
    const comparer = (i: number) =>
      new Comparer(binder, (path) => {
        const ex = options.exceptions.find(
          (e) => (!e.file || e.file === rec.file) && (!e.exchanges || e.exchanges.includes(i)) && e.path.test(path),
        );
        return ex?.check(binder);
      });
    const check = (i: number, reply: Reply) => {
      const c = comparer(i);
      compareResponse(c, rec.exchanges[i]!, reply, options.headerValuesIn.includes(rec.file));
      problems.push(...c.problems.map((p) => `[${i}] ${p}`));
    };
    const send = (i: number) => request(w, binder, rec.exchanges[i]!, setup.tokens?.[i]);
    if (rec.file.startsWith("concurrent-")) {
      // The recorded winner goes first; the others start before anything is committed.
      demo.sim.state.holdBookingCommits();
      const first = send(0);
      await demo.sim.state.bookingCommitsHeld(1);
      const rest = rec.exchanges.slice(1).map((_, i) => send(i + 1));
      await demo.sim.state.bookingCommitsHeld(rec.exchanges.length);
      demo.sim.state.releaseBookingCommits();
      (await Promise.all([first, ...rest])).forEach((reply, i) => check(i, reply));
      return problems;
    }
    const unmatched = receiver?.received ?? [];
    for (const [i, exchange] of rec.exchanges.entries()) {
      await setup.before?.[i]?.(w);
      if (!isDelivery(exchange)) {
        check(i, await send(i));
        continue;
      }
      await demo.sim.state.webhooksIdle();
      const trigger = (exchange.request.body as { triggerEvent: string }).triggerEvent;
      const at = unmatched.findIndex((d) => d.path === exchange.request.path && d.body.triggerEvent === trigger);
      if (at < 0) problems.push(`[${i}] no ${trigger} delivery to ${exchange.request.path}`);
      else
        problems.push(...compareDelivery(comparer(i), exchange, unmatched.splice(at, 1)[0]!).map((p) => `[${i}] ${p}`));
    }
    await demo.sim.state.webhooksIdle();
    problems.push(...unmatched.map((d) => `unexpected ${d.body.triggerEvent} delivery to ${d.path}`));
    return problems;
  } finally {
    await receiver?.close();
    await demo.sim.stop();
  }
}

async function request(w: World, binder: Binder, exchange: Exchange, token: string | undefined): Promise<Reply> {
  const { method, path, query = {}, headers, body } = exchange.request;
  const search = new URLSearchParams(
    Object.entries(binder.resolve(query) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
  );
  const label = headers.authorization?.replace(/^Bearer /, "");
  const key = label === undefined ? null : (token ?? KEY_LABELS[label] ?? label);
  return w.call(method, `${binder.resolve(path)}${search.size ? `?${search}` : ""}`, {
    key,
    ...(headers["cal-api-version"] ? { version: headers["cal-api-version"] } : {}),
    ...(body !== undefined && body !== null ? { body: binder.resolve(body) } : {}),
  });
}

function compareResponse(c: Comparer, exchange: Exchange, reply: Reply, headerValues: boolean): void {
  const { status, headers, body } = exchange.response;
  if (reply.status !== status) c.fail("status", `expected ${status}, got ${reply.status}: ${reply.raw.slice(0, 300)}`);
  for (const name of RATE_HEADERS) {
    const want = headers[name];
    const got = reply.headers.get(name) ?? undefined;
    if ((want === undefined) !== (got === undefined))
      c.fail(`headers.${name}`, `expected ${want ?? "none"}, got ${got ?? "none"}`);
    else if (want !== undefined && want !== got && (headerValues || name.includes("-limit-")))
      c.fail(`headers.${name}`, `expected ${want}, got ${got}`);
  }
  if (reply.headers.has("retry-after")) c.fail("headers.retry-after", "Cal.com never sends Retry-After");
  if (headers["content-type"] && reply.headers.get("content-type") !== headers["content-type"]) {
    c.fail("headers.content-type", `expected ${headers["content-type"]}, got ${reply.headers.get("content-type")}`);
  }
  c.compare(body, reply.body, "body");
}

function compareDelivery(c: Comparer, exchange: Exchange, got: Delivery): string[] {
  const signature = createHmac("sha256", WEBHOOK_SECRET).update(got.raw).digest("hex");
  if (got.headers["x-cal-signature-256"] !== signature)
    c.fail("headers.x-cal-signature-256", "not the HMAC-SHA256 of the body");
  for (const [name, value] of Object.entries(exchange.request.headers)) {
    if (name.toLowerCase() === "x-cal-signature-256") continue;
    if (got.headers[name.toLowerCase()] !== value)
      c.fail(`headers.${name}`, `expected ${value}, got ${got.headers[name.toLowerCase()]}`);
  }
  c.compare(exchange.request.body, got.body, "delivery");
  return c.problems;
}

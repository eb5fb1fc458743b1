import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { RouteCtx, SimCore } from "./context";
import { handleControl } from "./control";
import { errorResponse, internalError, MSG, SimHttpError } from "./errors";
import { parseJson, readBody, sendGatewayTimeout, sendJson, sleep } from "./http";
import type { RateLimiter } from "./rate-limit";
import { authorize, bearer, identify } from "./auth";
import { matchRoute } from "./router";
import type { SimStateApi } from "./state-api";
import type { RequestLogEntry } from "./types";

/**
 * Request pipeline of the simulated API: latency → route and version (404 without rate-limit headers)
 * → throttler (unknown key 401, 429) → faults → auth guard → handler.
 * `/__sim/*` is the control API (no auth, no faults, not rate limited, not in the request log).
 */

const TIMEOUT_FAULT_MS = 30_000;
const MAX_LOG = 10_000;

export type ServerDeps = {
  core: SimCore;
  limiter: RateLimiter;
  requestLog: RequestLogEntry[];
  state: SimStateApi;
  log?: ((line: string) => void) | undefined;
};

export function createSimServer(deps: ServerDeps) {
  const hangs = new Set<() => void>();
  /** Booking creates being answered right now (for the createLoadMs fault). */
  let createsInFlight = 0;

  async function api(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    text: string,
  ): Promise<RequestLogEntry["fault"]> {
    const { core, limiter } = deps;
    const method = req.method ?? "GET";
    const path = `${url.pathname}${url.search}`;
    let headers: Record<string, string> = {};
    const fail = (err: SimHttpError) => {
      const out = errorResponse(err, path, core.now());
      sendJson(res, out.status, out.body, { ...headers, ...out.headers });
    };
    const creating = method === "POST" && url.pathname.replace(/\/$/, "") === "/v2/bookings";
    if (creating) createsInFlight++;
    try {
      const delay = core.faults.delayMs();
      if (delay > 0) await sleep(delay);
      // The load is what is in flight once this create is being worked on: ten at once all slow down.
      const load = creating ? (createsInFlight - 1) * core.faults.get().createLoadMs : 0;
      if (load > 0) await sleep(load);
    } finally {
      if (creating) createsInFlight--;
    }
    const ctx: RouteCtx = { core, method, path, url, params: {}, body: undefined, account: null };
    try {
      const { route, params } = matchRoute(method, url, header(req, "cal-api-version"));
      const token = bearer(req.headers.authorization);
      const caller = identify(core.store, token, req.socket.remoteAddress ?? "?", core.unknownApiKeys);
      const rate = limiter.hit(caller.bucket, caller.kind === "token" ? caller.limit : undefined);
      headers = rate.headers;
      if (rate.limited) throw new SimHttpError(429, MSG.throttled);
      if (core.faults.take("error500")) return (fail(internalError()), "error500");
      if (core.faults.take("timeout")) return (await hang(res, headers), "timeout");
      if (core.faults.take("burst429")) return (fail(new SimHttpError(429, MSG.throttled)), "burst429");
      ctx.account = authorize(route.auth, caller);
      ctx.params = params;
      ctx.body = parseJson(text);
      const result = await route.handler(ctx);
      sendJson(res, result.status, result.body, headers);
    } catch (err) {
      if (!(err instanceof SimHttpError))
        deps.log?.(`calcom-sim: handler crashed: ${(err as Error)?.stack ?? String(err)}`);
      fail(err instanceof SimHttpError ? err : internalError());
    }
    return ctx.fault;
  }

  async function hang(res: ServerResponse, headers: Record<string, string>): Promise<void> {
    await new Promise<void>((resolve) => {
      const done = () => (clearTimeout(timer), hangs.delete(done), resolve());
      const timer = setTimeout(done, TIMEOUT_FAULT_MS);
      timer.unref();
      res.on("close", done);
      hangs.add(done);
    });
    sendGatewayTimeout(res, headers);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    const url = new URL(req.url ?? "/", "http://calcom-sim.local");
    const method = req.method ?? "GET";
    const isApi = !url.pathname.startsWith("/__sim");
    let fault: RequestLogEntry["fault"];
    try {
      const text = await readBody(req);
      if (isApi) fault = await api(req, res, url, text);
      else {
        const out = await handleControl(deps.state, deps.core, method, url, text);
        sendJson(res, out.status, out.body);
      }
    } catch (err) {
      const out = errorResponse(err instanceof SimHttpError ? err : internalError(), url.pathname, deps.core.now());
      sendJson(res, out.status, out.body, out.headers);
    }
    const ms = Math.round(performance.now() - started);
    const status = res.headersSent ? res.statusCode : 0;
    deps.log?.(`${method} ${url.pathname}${url.search} ${status} ${ms}ms`);
    if (!isApi) return;
    const token = bearer(req.headers.authorization);
    const entry: RequestLogEntry = {
      method,
      path: `${url.pathname}${url.search}`,
      apiKey: token ?? null,
      apiVersion: typeof req.headers["cal-api-version"] === "string" ? req.headers["cal-api-version"] : null,
      status,
      ms,
      time: deps.core.now().toISOString(),
      ...(fault ? { fault } : {}),
    };
    deps.requestLog.push(entry);
    if (deps.requestLog.length > MAX_LOG) deps.requestLog.splice(0, deps.requestLog.length - MAX_LOG);
  }

  const server = http.createServer((req, res) => void handle(req, res));
  return {
    server,
    /** Ends all hanging `timeout` requests (they answer 504 right away). */
    releaseHangs: () => [...hangs].forEach((done) => done()),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

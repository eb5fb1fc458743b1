import type { CommitGate } from "./commit-gate";
import type { FaultController } from "./faults";
import type { SimStore } from "./store";
import type { SimAccount, SimOptions } from "./types";
import type { WebhookDispatcher } from "./webhooks";

/** What route handlers get to work with. */

export type SimCore = {
  store: SimStore;
  faults: FaultController;
  webhooks: WebhookDispatcher;
  commits: CommitGate;
  now: () => Date;
  unknownApiKeys: SimOptions["unknownApiKeys"];
};

export type RouteCtx = {
  core: SimCore;
  method: string;
  /** Path with query string, as Nest's filter reports it in `error.path`. */
  path: string;
  url: URL;
  params: Record<string, string>;
  body: unknown;
  /** The API key's account; null on routes that ran without one. */
  account: SimAccount | null;
  /** Set by a handler when a fault shaped its answer (recorded in the request log). */
  fault?: "createThen400";
};

export type RouteResult = { status: number; body: unknown };

/**
 * Handlers are synchronous, so check-then-insert never interleaves with another request — except
 * where the commit gate deliberately opens the window Cal.com has between the two (POST /v2/bookings).
 */
export type RouteHandler = (ctx: RouteCtx) => RouteResult | Promise<RouteResult>;

export const success = (data: unknown, status = 200): RouteResult => ({ status, body: { status: "success", data } });

/** The authenticated account of a route that requires auth. */
export function requireAccount(ctx: RouteCtx): SimAccount {
  if (!ctx.account) throw new Error("calcom-sim: route declared without auth used requireAccount");
  return ctx.account;
}

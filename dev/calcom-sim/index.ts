import type { AddressInfo } from "node:net";
import { CommitGate } from "./commit-gate";
import type { SimCore } from "./context";
import { createFaults } from "./faults";
import { createPersister, type Persister, readStateFile } from "./persistence";
import { RateLimiter } from "./rate-limit";
import { createSimServer } from "./server";
import { createStateApi, type SimStateApi } from "./state-api";
import { SimStore } from "./store";
import { adoptTeams } from "./teams";
import type { RequestLogEntry, SimFaults, SimOptions } from "./types";
import { WebhookDispatcher } from "./webhooks";

/**
 * Cal.com API v2 simulator: a real HTTP server enforcing what Cal.com enforces (versions, auth, rate
 * limits, booking rules, exact error texts), with switchable faults. The API lives under `${url}/v2`,
 * the control API under `${url}/__sim`. See /work/shared/reference/calcom-api-v2.md.
 */

export type { AddBookingInput, BookingFilter, SimStateApi } from "./state-api";
export type { AddEventTypeInput } from "./event-types";
export type * from "./types";
export { signBody } from "./webhooks";

export type CalcomSimulator = {
  url: string;
  stop(): Promise<void>;
  faults: SimFaults;
  state: SimStateApi;
};

export async function startCalcomSimulator(options: SimOptions = {}): Promise<CalcomSimulator> {
  const now = options.now ?? (() => new Date());
  // Assigned below once the store exists; the store's callback reads it later.
  // eslint-disable-next-line prefer-const
  let persister: Persister | undefined;
  const store = new SimStore(() => persister?.schedule());
  if (options.stateFile) {
    const snapshot = readStateFile(options.stateFile);
    if (snapshot) store.load(snapshot);
  }
  adoptTeams(store);
  persister = createPersister(options.stateFile, () => store.snapshot());
  const faults = createFaults();
  const webhooks = new WebhookDispatcher(store, now);
  const commits = new CommitGate();
  const core: SimCore = { store, faults, webhooks, commits, now, unknownApiKeys: options.unknownApiKeys ?? "reject" };
  const limiter = new RateLimiter(options.rateLimitPerMinute ?? 120, now);
  const requestLog: RequestLogEntry[] = [];
  const state = createStateApi(core, {
    requestLog: () => requestLog,
    resetAll: () => {
      store.reset();
      commits.release();
      limiter.reset();
      faults.clear();
      webhooks.clearLog();
      requestLog.length = 0;
    },
  });
  const { server, releaseHangs } = createSimServer({ core, limiter, requestLog, state, log: options.log });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      releaseHangs();
      webhooks.stop();
      persister?.flush();
      server.close(() => resolve());
      // Give released/in-flight responses a moment to flush, then drop whatever is left.
      setImmediate(() => server.closeAllConnections());
    }));

  return { url: `http://${host}:${address.port}`, stop, faults, state };
}

import { MSG, SimHttpError } from "./errors";
import { ACCESS_TOKEN_LIMIT } from "./rate-limit";
import type { SimStore } from "./store";
import type { SimAccount, SimOptions } from "./types";

/**
 * Versions and auth (reference §1.1–1.2, recordings): a missing or unknown `cal-api-version` falls
 * back to 2024-04-15; API keys start with `cal_` and must be known, any other bearer token counts
 * as an OAuth access token.
 */

export const LEGACY_VERSION = "2024-04-15";
export const KNOWN_VERSIONS = ["2024-04-15", "2024-06-11", "2024-06-14", "2024-08-13", "2024-09-04"] as const;

export const resolveVersion = (header: string | undefined): string =>
  header !== undefined && (KNOWN_VERSIONS as readonly string[]).includes(header) ? header : LEGACY_VERSION;

/** How a route authenticates: Cal.com's ApiAuthGuard, PermissionsGuard, OptionalApiAuthGuard, or none. */
export type AuthMode = "required" | "permissions" | "optional" | "none";

export type Caller =
  | { kind: "anonymous"; bucket: string }
  | { kind: "key"; account: SimAccount; bucket: string }
  | { kind: "token"; token: string; bucket: string; limit: number };

/** The bearer token of a request, if any. */
export function bearer(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1];
}

/** Who is calling. An unknown API key fails here, in the throttler, before anything is counted. */
export function identify(
  store: SimStore,
  token: string | undefined,
  ip: string,
  unknown: SimOptions["unknownApiKeys"],
): Caller {
  if (!token) return { kind: "anonymous", bucket: `ip:${ip}` };
  if (!token.startsWith("cal_")) return { kind: "token", token, bucket: `token:${token}`, limit: ACCESS_TOKEN_LIMIT };
  const account = store.accounts.get(token) ?? (unknown === "create-account" ? store.account(token) : undefined);
  if (!account) throw new SimHttpError(401, MSG.unknownKey);
  return { kind: "key", account, bucket: token };
}

/** The account a route runs as (null when it may run without one), or the guard's error. */
export function authorize(mode: AuthMode, caller: Caller): SimAccount | null {
  if (caller.kind === "key") return caller.account;
  if (mode === "optional" || mode === "none") return null;
  if (mode === "permissions") {
    throw new SimHttpError(
      403,
      caller.kind === "token" ? MSG.permissionsNoClient(caller.token) : MSG.permissionsNoAuth,
    );
  }
  throw new SimHttpError(401, caller.kind === "token" ? MSG.invalidAccessToken : MSG.noAuth);
}

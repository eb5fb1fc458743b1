import { badRequest, MSG, SimHttpError } from "./errors";

/**
 * Auth and `cal-api-version` rules (reference §1.1–1.2). Any bearer token starting with `cal_` is a valid
 * API key; the version must match the endpoint family exactly.
 */

export const KNOWN_VERSIONS = ["2024-04-15", "2024-06-11", "2024-06-14", "2024-08-13", "2024-09-04", "2026-02-25"] as const;
const FAMILY_VERSIONS = {
  bookings: ["2024-08-13", "2026-02-25"],
  slots: ["2024-09-04"],
  eventTypes: ["2024-06-14"],
  any: KNOWN_VERSIONS,
} as const satisfies Record<string, readonly string[]>;
export type Family = keyof typeof FAMILY_VERSIONS;

/** Real Cal.com silently falls back to 2024-04-15 on a missing/unknown version; the simulator refuses. */
export function checkVersion(family: Family, header: string | undefined, method: string, pathname: string): void {
  const allowed: readonly string[] = FAMILY_VERSIONS[family];
  if (header !== undefined && allowed.includes(header)) return;
  const got = header === undefined ? "is missing" : `"${header}" is not accepted`;
  throw badRequest(
    `cal-api-version header ${got} for ${method} ${pathname}: expected ${allowed.join(" or ")}. ` +
      "(Real Cal.com would silently fall back to the 2024-04-15 controllers; the simulator refuses loudly.)",
  );
}

/** The bearer token of a request, if any. */
export function bearer(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1];
}

/** 401 unless the token is an API key (`cal_` prefix). */
export function requireApiKey(token: string | undefined): string {
  if (!token) throw new SimHttpError(401, MSG.noAuth);
  if (!token.startsWith("cal_")) throw new SimHttpError(401, MSG.invalidKey);
  return token;
}

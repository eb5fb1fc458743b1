import { ZodError } from "zod";
import { type AppErrorCode, isAppError } from "../errors";
import { logger } from "../logger";
import { BodyTooLargeError } from "./raw-body";

/** JSON for outside callers (Retell, Cal.com, monitoring); never cached on the way. */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });

/** 400 invalid_request: what was wrong, as the route describes it (contract §1–3). */
export const invalidRequest = (details: unknown) => json({ error: "invalid_request", details }, 400);

const STATUS: Record<AppErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SLOT_TAKEN: 409,
  IN_PAST: 422,
  OUTSIDE_OPENING_HOURS: 422,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** An error that left a route handler, as the HTTP answer; nothing unexpected leaks to the caller. */
export function fromError(error: unknown): Response {
  if (error instanceof ZodError) {
    return invalidRequest(error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })));
  }
  if (error instanceof BodyTooLargeError) return json({ error: "payload_too_large", limit_bytes: error.limit }, 413);
  if (isAppError(error)) {
    const status = STATUS[error.code];
    if (status >= 500) logger.error({ err: error }, "route handler failed");
    if (error.code === "VALIDATION") {
      return invalidRequest(error.details?.issues ?? [{ path: "", message: error.message }]);
    }
    return json({ error: error.code.toLowerCase(), message: error.message }, status);
  }
  logger.error({ err: error }, "route handler failed");
  return json({ error: "internal" }, 500);
}

/**
 * A route handler whose errors become HTTP answers: `known` answers the errors this route treats
 * its own way (return undefined for the rest), everything else goes through `fromError`.
 */
export function respond<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
  known: (error: unknown) => Response | undefined = () => undefined,
): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      return known(error) ?? fromError(error);
    }
  };
}

import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { json, respond } from "@/lib/http";
import { metricsRegistry } from "@/lib/metrics";

export const dynamic = "force-dynamic";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Compared as digests: equal length, so neither the token nor its length leaks through timing. */
function authorized(request: Request): boolean {
  const { METRICS_TOKEN: token, NODE_ENV } = env();
  // The web server does not start in production without a token; should one run anyway, stay closed.
  if (!token) return NODE_ENV !== "production";
  return timingSafeEqual(digest(request.headers.get("authorization") ?? ""), digest(`Bearer ${token}`));
}

/** Prometheus text (contract §4); needs `Authorization: Bearer $METRICS_TOKEN` (always set in production). */
export const GET = respond(async (request: Request): Promise<Response> => {
  const challenge = { "www-authenticate": 'Bearer realm="metrics"' };
  if (!authorized(request)) return json({ error: "unauthorized" }, 401, challenge);
  const registry = metricsRegistry();
  const headers = { "content-type": registry.contentType, "cache-control": "no-store" };
  return new Response(await registry.metrics(), { headers });
});

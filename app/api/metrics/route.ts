import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { json, respond } from "@/lib/http";
import { metricsRegistry } from "@/lib/metrics";

export const dynamic = "force-dynamic";

function authorized(request: Request): boolean {
  const token = env().METRICS_TOKEN;
  if (!token) return true;
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Prometheus text (contract §4); needs `Authorization: Bearer $METRICS_TOKEN` when that is set. */
export const GET = respond(async (request: Request): Promise<Response> => {
  const challenge = { "www-authenticate": 'Bearer realm="metrics"' };
  if (!authorized(request)) return json({ error: "unauthorized" }, 401, challenge);
  const registry = metricsRegistry();
  const headers = { "content-type": registry.contentType, "cache-control": "no-store" };
  return new Response(await registry.metrics(), { headers });
});

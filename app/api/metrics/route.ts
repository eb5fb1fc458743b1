import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { metricsRegistry } from "@/lib/metrics/registry";

export const dynamic = "force-dynamic";

function authorized(request: Request): boolean {
  const token = env().METRICS_TOKEN;
  if (!token) return true;
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Prometheus text (contract §4); needs `Authorization: Bearer $METRICS_TOKEN` when that is set. */
export async function GET(request: Request): Promise<Response> {
  if (!authorized(request)) return Response.json({ error: "unauthorized" }, { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } });
  const registry = metricsRegistry();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}

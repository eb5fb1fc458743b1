import { getDb } from "@/lib/db/client";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  let report;
  try {
    report = await checkHealth(getDb());
  } catch {
    report = { status: "error", db: "down", queue: "down" } as const;
  }
  return Response.json(report, { status: report.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}

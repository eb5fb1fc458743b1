import { getDb } from "@/lib/db/client";
import { checkHealth } from "@/lib/health/check-health";
import { json } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  let report;
  try {
    report = await checkHealth(getDb());
  } catch {
    report = { status: "error", db: "down", queue: "down" } as const;
  }
  return json(report, report.status === "ok" ? 200 : 503);
}

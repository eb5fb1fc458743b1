import { getDb } from "@/lib/db";
import { checkHealth } from "@/lib/health";
import { json } from "@/lib/http";

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

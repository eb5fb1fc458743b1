import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { getDb } from "@/lib/db/client";
import { syncAttempts, syncRuns } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { makeSalon } from "../../support/factories";
import { callFunction, newCallId } from "../../support/retell";

const scrape = async (authorization?: string) => {
  const response = await GET(
    new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }),
  );
  return { status: response.status, text: await response.text(), type: response.headers.get("content-type") };
};
const sample = (text: string, line: RegExp) => {
  const match = text.split("\n").find((l) => line.test(l));
  return match ? Number(match.split(" ").pop()) : undefined;
};

describe("GET /api/metrics", () => {
  const nodeEnv = process.env.NODE_ENV;
  // The test's own choice: .env may carry a token (the first run writes one).
  beforeEach(() => {
    delete process.env.METRICS_TOKEN;
    resetEnvCache();
  });
  afterEach(() => {
    delete process.env.METRICS_TOKEN;
    Object.assign(process.env, { NODE_ENV: nodeEnv });
    resetEnvCache();
  });

  it("exposes sync outcomes by kind/action/service type, recoveries, Cal.com statuses and latency, function latency, queue depth and holds", async () => {
    const salon = await makeSalon();
    const call = {
      call_id: newCallId(),
      agent_id: salon.company.retellAgentId!,
      from_number: "+4915112345678",
      start_timestamp: Date.parse("2031-02-27T12:00:00Z"),
    };
    await callFunction("check_availability", { service: "Dauerwelle", date: "2031-03-03", time: "10:00" }, call);
    await callFunction("check_availability", { service: "Maniküre", date: "2031-03-03" }, call);
    await callFunction(
      "book_appointment",
      { service: "Dauerwelle", date: "2031-03-03", time: "10:00", customer_name: "Metrik" },
      call,
    );
    const startedAt = new Date();
    await getDb()
      .insert(syncRuns)
      .values([
        {
          companyId: salon.company.id,
          kind: "sync",
          action: "create",
          composite: true,
          outcome: "synced",
          phasesTotal: 4,
          phasesSynced: 4,
          recoveredByVerification: 4,
          startedAt,
          durationMs: 2600,
        },
        {
          companyId: salon.company.id,
          kind: "sync",
          action: "create",
          composite: false,
          outcome: "failed",
          phasesTotal: 1,
          errorCode: "calcom_conflict",
          startedAt,
          durationMs: 300,
        },
      ]);
    await getDb()
      .insert(syncAttempts)
      .values([
        {
          companyId: salon.company.id,
          action: "create",
          method: "POST",
          path: "/bookings",
          httpStatus: 201,
          latencyMs: 180,
        },
        {
          companyId: salon.company.id,
          action: "create",
          method: "POST",
          path: "/bookings",
          httpStatus: 400,
          latencyMs: 220,
        },
        {
          companyId: salon.company.id,
          action: "list",
          method: "GET",
          path: "/bookings",
          httpStatus: null,
          latencyMs: 10000,
        },
      ]);

    const { status, text, type } = await scrape();
    expect(status).toBe(200);
    expect(type).toContain("text/plain");
    expect(
      sample(
        text,
        /^slotdesk_sync_runs_total\{kind="sync",action="create",outcome="synced",service_type="composite"\}/,
      ),
    ).toBe(1);
    expect(
      sample(text, /^slotdesk_sync_runs_total\{kind="sync",action="create",outcome="failed",service_type="simple"\}/),
    ).toBe(1);
    expect(sample(text, /^slotdesk_sync_verification_recoveries_total\{service_type="composite"\}/)).toBe(4);
    expect(sample(text, /^slotdesk_calcom_requests_total\{action="create",status="400"\}/)).toBe(1);
    expect(sample(text, /^slotdesk_calcom_requests_total\{action="list",status="none"\}/)).toBe(1);
    expect(sample(text, /^slotdesk_calcom_request_duration_seconds_bucket\{action="create",le="0.25"\}/)).toBe(2);
    expect(sample(text, /^slotdesk_calcom_request_duration_seconds_count\{action="list"\}/)).toBe(1);
    expect(sample(text, /^slotdesk_voice_function_calls_total\{name="check_availability",result="ok"\}/)).toBe(1);
    expect(
      sample(text, /^slotdesk_voice_function_calls_total\{name="check_availability",result="unknown_service"\}/),
    ).toBe(1);
    expect(sample(text, /^slotdesk_voice_function_duration_seconds_count\{name="book_appointment"\}/)).toBe(1);
    expect(sample(text, /^slotdesk_voice_function_duration_seconds_bucket\{name="book_appointment",le="\+Inf"\}/)).toBe(
      1,
    );
    expect(text).toMatch(/^# TYPE slotdesk_voice_function_duration_seconds histogram$/m);
    expect(sample(text, /^slotdesk_queue_jobs\{queue="calcom-sync",state="created"\}/)).toBeGreaterThanOrEqual(1);
    expect(sample(text, /^slotdesk_slot_holds_active /)).toBe(0);
    expect(sample(text, /^slotdesk_appointments_sync_status\{status="pending"\}/)).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^slotdesk_process_/m);
  });

  it("asks for the bearer token when METRICS_TOKEN is set", async () => {
    process.env.METRICS_TOKEN = "s3cret-metrics";
    resetEnvCache();
    const refused = await GET(new Request("http://localhost/api/metrics"));
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
    expect(await refused.text()).not.toContain("slotdesk_");
    for (const wrong of ["Bearer wrong", "Bearer s3cret-metric", "Bearer s3cret-metrics2", "s3cret-metrics"])
      expect((await scrape(wrong)).status, wrong).toBe(401);
    expect((await scrape("Basic czNjcmV0LW1ldHJpY3M=")).status).toBe(401);
    const allowed = await scrape("Bearer s3cret-metrics");
    expect(allowed.status).toBe(200);
    expect(allowed.text).toMatch(/^slotdesk_slot_holds_active /m);
  });

  it("stays closed in production when no token is set (the web server would not have started)", async () => {
    Object.assign(process.env, { NODE_ENV: "production" });
    resetEnvCache();
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer ")).status).toBe(401);
  });
});

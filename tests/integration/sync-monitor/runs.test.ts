import { beforeAll, describe, expect, it } from "vitest";
import { getSyncMonitor } from "@/lib/calcom/sync/monitor";
import { getDb } from "@/lib/db/client";
import { syncRuns } from "@/lib/db/schema";
import { makeSalon } from "../../support/factories";

// Tuesday 4 March 2031, 12:00 UTC (13:00 in Berlin): the 7-day window starts on Wednesday 26 Feb, 00:00 Berlin.
const NOW = new Date("2031-03-04T12:00:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

type Run = typeof syncRuns.$inferInsert;

describe("Sync-Monitor: success rate, errors and recoveries count the same runs in the same window", () => {
  let salon: Awaited<ReturnType<typeof makeSalon>>;
  beforeAll(async () => {
    salon = await makeSalon();
    const run = (r: Partial<Run> & Pick<Run, "kind" | "outcome" | "startedAt">): Run => ({
      companyId: salon.company.id,
      durationMs: 800,
      phasesTotal: 1,
      ...r,
    });
    await getDb()
      .insert(syncRuns)
      .values([
        run({ kind: "sync", outcome: "synced", startedAt: hoursAgo(1), durationMs: 400 }),
        run({ kind: "sync", outcome: "synced", startedAt: hoursAgo(30), recoveredByVerification: 2 }),
        run({ kind: "sync", outcome: "cancelled", startedAt: hoursAgo(50) }),
        run({ kind: "sync", outcome: "failed", startedAt: hoursAgo(2), errorCode: "calcom_managed_parent" }),
        run({ kind: "sync", outcome: "failed", startedAt: hoursAgo(3), errorCode: "mapping_missing" }),
        run({ kind: "sync", outcome: "partial", startedAt: hoursAgo(70), errorCode: "calcom_conflict" }),
        run({ kind: "sync", outcome: "retrying", startedAt: hoursAgo(4), errorCode: "calcom_unreachable" }),
        // An admin's re-check: not a sync for the rate, its finds are counted as manual.
        run({ kind: "reverify", outcome: "failed", startedAt: hoursAgo(5), errorCode: "calcom_missing" }),
        run({ kind: "reverify", outcome: "synced", startedAt: hoursAgo(6), recoveredByVerification: 1 }),
        run({ kind: "reconcile", outcome: "synced", startedAt: hoursAgo(7), recoveredByVerification: 3 }),
        // "Erneut synchronisieren" by an admin: a sync for the rate, its finds are manual (Monday 3 March).
        run({ kind: "sync", trigger: "admin", outcome: "synced", startedAt: hoursAgo(30), recoveredByVerification: 4 }),
        // Before the window (Tuesday 25 Feb): in neither the rate nor the error table.
        run({ kind: "sync", outcome: "failed", startedAt: new Date("2031-02-25T12:00:00Z"), errorCode: "calcom_auth" }),
      ]);
  });

  it("the 7-day rate and the error table are built from the same runs", async () => {
    const m = await getSyncMonitor({ ctx: salon.ctx, now: NOW });
    expect(m.daily.points).toHaveLength(7);
    expect(m.daily.from).toEqual(new Date("2031-02-25T23:00:00Z"));
    expect(m.daily).toMatchObject({ total: 7, synced: 4, failed: 3, rate: 4 / 7 });
    expect(m.errors.reduce((s, e) => s + e.runs, 0)).toBe(m.daily.failed);
    expect(m.errors.map((e) => [e.label, e.runs])).toEqual([
      ["Event-Typ falsch zugeordnet", 2],
      ["Konflikt im Kalender", 1],
    ]);
    expect(m.errors[0]).toMatchObject({ link: { href: "/services", label: "Leistungen öffnen" } });
    expect(m.hourly).toMatchObject({ total: 3, synced: 1, failed: 2 });
  });

  it("recoveries by an admin's re-check are counted apart from automatic ones", async () => {
    const m = await getSyncMonitor({ ctx: salon.ctx, now: NOW });
    expect(m.recoveries.automatic).toEqual({ day: 3, week: 5 });
    expect(m.recoveries.manual).toEqual({ day: 1, week: 5 });
    expect(m.recoveries.recent.filter((r) => r.manual)).toHaveLength(2);
  });

  it("durations per bucket are there for the lines to draw", async () => {
    const m = await getSyncMonitor({ ctx: salon.ctx, now: NOW });
    const drawn = m.hourly.points.filter((p) => p.p50 !== null);
    expect(drawn.map((p) => p.p50)).toEqual([800, 800, 400]);
  });
});

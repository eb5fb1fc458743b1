import { eq } from "drizzle-orm";
import { startCalcomSimulator } from "../../dev/calcom-sim";
import type { Db } from "../../lib/db/client";
import { appointments, companies } from "../../lib/db/schema";
import { syncAppointment } from "../../lib/calcom/sync/sync-appointment";
import { addDays, type LocalDate } from "../../lib/time/zoned";
import { median, summarize, timed, type Summary } from "../lib/stats";
import { bookForSync, createSyncSalon } from "./calcom-salon";

export type SyncRatioResult = {
  latencyMs: number;
  runs: number;
  sequentialMs: Summary;
  parallelMs: Summary;
  ratio: number;
  calcomRequestsPerRun: { sequential: number; parallel: number };
  allSynced: boolean;
};

/**
 * Item 3: one four-phase Dauerwelle synced to the simulator answering every request after 300 ms,
 * with the company's "parallel Cal.com booking" switched off and on (alternating runs, each on a
 * fresh appointment, so every run does the full lookup + create per phase).
 */
export async function measureSyncRatio(db: Db, today: LocalDate, runs = 6): Promise<SyncRatioResult> {
  const latencyMs = 300;
  const sim = await startCalcomSimulator({ port: 0, rateLimitPerMinute: 0 });
  try {
    sim.faults.set({ latencyMs });
    const salon = await createSyncSalon(db, sim, { name: "Bench: Sync 300 ms", staffCount: 2, parallel: true });
    const ids = await bookForSync(salon, addDays(today, 2), runs * 2, 1);
    const durations = { sequential: [] as number[], parallel: [] as number[] };
    const requests = { sequential: [] as number[], parallel: [] as number[] };
    for (const [i, appointmentId] of ids.entries()) {
      const mode = i % 2 === 0 ? "sequential" : "parallel";
      const [company] = await db
        .update(companies)
        .set({ parallelCalcomBooking: mode === "parallel" })
        .where(eq(companies.id, salon.companyId))
        .returning();
      const before = sim.state.requestLog().length;
      const run = await timed(() =>
        syncAppointment({ ctx: { ...salon.ctx, company: company! }, input: { appointmentId, verifyDelayMs: 0 } }),
      );
      if (run.value.outcome !== "synced")
        throw new Error(`sync of appointment ${appointmentId} ended ${run.value.outcome}`);
      durations[mode].push(run.ms);
      requests[mode].push(sim.state.requestLog().length - before);
    }
    const synced = await db
      .select({ status: appointments.calcomSyncStatus })
      .from(appointments)
      .where(eq(appointments.companyId, salon.companyId));
    return {
      latencyMs,
      runs,
      sequentialMs: summarize(durations.sequential),
      parallelMs: summarize(durations.parallel),
      ratio: Math.round((median(durations.sequential) / median(durations.parallel)) * 100) / 100,
      calcomRequestsPerRun: { sequential: median(requests.sequential), parallel: median(requests.parallel) },
      allSynced: synced.every((s) => s.status === "synced"),
    };
  } finally {
    await sim.stop();
  }
}

import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import { CalcomClient } from "../calcom/client";
import { calcomTargetFor } from "../calcom/config";
import type { CalcomBooking } from "../calcom/schemas";
import type { Ctx } from "../context";
import { appointmentPhases, appointments } from "../db/schema";
import { isActive, startsAt } from "./match";
import { attemptRecorder, finishAppointment, recordRun } from "./persist";

export type ReconcileResult = { checked: number; flagged: { appointmentId: number; problem: "missing" | "cancelled" | "moved" }[] };

const PROBLEM_TEXT = {
  missing: "ist in Cal.com verschwunden",
  cancelled: "wurde in Cal.com storniert",
  moved: "wurde in Cal.com verschoben",
} as const;

/**
 * Scheduled check of upcoming synced appointments against Cal.com: bookings cancelled, moved or
 * gone there are flagged for review. One list request per company and window, not one per booking.
 */
export async function reconcileUpcoming({ ctx, input }: { ctx: Ctx; input: { days?: number; now?: Date; jobId?: string } }): Promise<ReconcileResult> {
  const startedAt = new Date();
  const now = input.now ?? new Date();
  const until = new Date(now.getTime() + (input.days ?? 30) * 24 * 60 * 60_000);
  const upcoming = await ctx.db
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.companyId, ctx.company.id), eq(appointments.status, "confirmed"), eq(appointments.calcomSyncStatus, "synced"), gte(appointments.startsAt, now), lte(appointments.startsAt, until)))
    .orderBy(asc(appointments.startsAt));
  if (upcoming.length === 0) return { checked: 0, flagged: [] };
  const phases = await ctx.db
    .select()
    .from(appointmentPhases)
    .where(and(inArray(appointmentPhases.appointmentId, upcoming.map((a) => a.id)), eq(appointmentPhases.staffRequired, true)));
  const target = calcomTargetFor(ctx.company);
  const client = new CalcomClient({ baseUrl: target.baseUrl, apiKey: target.apiKey, record: attemptRecorder(ctx.db, ctx.company.id, null, input.jobId) });
  const bookings = new Map<string, CalcomBooking>();
  for (const b of await client.listBookings({ afterStart: new Date(now.getTime() - 24 * 60 * 60_000), beforeEnd: new Date(until.getTime() + 24 * 60 * 60_000) }, "reconcile")) {
    bookings.set(b.uid, b);
  }

  const flagged: ReconcileResult["flagged"] = [];
  let badPhases = 0;
  for (const { id } of upcoming) {
    const mine = phases.filter((p) => p.appointmentId === id);
    const problems = mine.map((p) => {
      const booking = p.calcomBookingUid ? bookings.get(p.calcomBookingUid) : undefined;
      if (!booking) return "missing" as const;
      if (!isActive(booking)) return "cancelled" as const;
      if (!startsAt(booking, p.startTime)) return "moved" as const;
      return null;
    });
    const problem = problems.find((x) => x !== null);
    if (!problem) continue;
    const bad = problems.filter((x) => x !== null).length;
    badPhases += bad;
    flagged.push({ appointmentId: id, problem });
    await finishAppointment(ctx.db, id, {
      status: bad === mine.length ? "failed" : "partial",
      review: true,
      errorCode: `calcom_${problem}`,
      errorMessage: `${bad} von ${mine.length} Segmenten: die Buchung ${PROBLEM_TEXT[problem]}. Bitte „Sync erneut prüfen“ oder „Erneut synchronisieren“.`,
    });
  }
  await recordRun(ctx.db, {
    companyId: ctx.company.id,
    appointmentId: null,
    jobId: input.jobId ?? null,
    kind: "reconcile",
    outcome: flagged.length ? "partial" : "synced",
    phasesTotal: phases.length,
    phasesSynced: phases.length - badPhases,
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
  });
  return { checked: upcoming.length, flagged };
}

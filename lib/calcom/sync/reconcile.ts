import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import { CalcomClient, calcomTargetFor, type CalcomBooking } from "..";
import type { Ctx } from "../../context";
import { appointmentPhases, appointments, staff } from "../../db";
import { bookingHostId, isActive, startsAt } from "./match";
import { attemptRecorder, finishAppointment, recordRun } from "./persist";

export type Problem = "missing" | "cancelled" | "moved" | "overlap" | "orphan";
export type ReconcileResult = { checked: number; flagged: { appointmentId: number; problem: Problem }[] };

const PROBLEM_TEXT: Record<Problem, string> = {
  missing: "ist in Cal.com verschwunden",
  cancelled: "wurde in Cal.com storniert",
  moved: "wurde in Cal.com verschoben",
  overlap: "überschneidet sich in Cal.com mit einer anderen Buchung derselben Person",
  orphan: "hat in Cal.com eine zusätzliche Buchung, die zu keinem Segment gehört",
};
const ADVICE: Record<Problem, string> = {
  missing: "Bitte „Sync erneut prüfen“ oder „Erneut synchronisieren“.",
  cancelled: "Bitte „Sync erneut prüfen“ oder „Erneut synchronisieren“.",
  moved: "Bitte prüfen, welche Zeit gilt, dann „Erneut synchronisieren“.",
  overlap: "Cal.com lässt gleichzeitige Buchungen zu; bitte in Cal.com klären, welche gilt.",
  orphan: "„Erneut synchronisieren“ storniert sie.",
};
const DAY_MS = 24 * 60 * 60_000;

/**
 * Scheduled check of upcoming synced appointments against Cal.com, one list request per company:
 * bookings cancelled, moved or gone there; other bookings of the same stylist overlapping a phase
 * (Cal.com accepts overlapping bookings under concurrency, recorded); and bookings carrying our
 * metadata that no phase claims. Each affected appointment is flagged for review.
 */
export async function reconcileUpcoming({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { days?: number; now?: Date; jobId?: string };
}): Promise<ReconcileResult> {
  const startedAt = new Date();
  const now = input.now ?? new Date();
  const until = new Date(now.getTime() + (input.days ?? 30) * DAY_MS);
  const upcoming = await ctx.db
    .select({ id: appointments.id, hostUserId: staff.calcomUserId })
    .from(appointments)
    .innerJoin(staff, eq(staff.id, appointments.staffId))
    .where(
      and(
        eq(appointments.companyId, ctx.company.id),
        eq(appointments.status, "confirmed"),
        eq(appointments.calcomSyncStatus, "synced"),
        gte(appointments.startsAt, now),
        lte(appointments.startsAt, until),
      ),
    )
    .orderBy(asc(appointments.startsAt));
  if (upcoming.length === 0) return { checked: 0, flagged: [] };
  const phases = await ctx.db
    .select()
    .from(appointmentPhases)
    .where(
      and(
        inArray(
          appointmentPhases.appointmentId,
          upcoming.map((a) => a.id),
        ),
        eq(appointmentPhases.staffRequired, true),
      ),
    );
  const target = calcomTargetFor(ctx.company);
  const client = new CalcomClient({
    baseUrl: target.baseUrl,
    apiKey: target.apiKey,
    publicOnly: target.publicOnly,
    record: attemptRecorder(ctx.db, ctx.company.id, null, input.jobId),
  });
  const listed = await client.listBookings(
    { afterStart: new Date(now.getTime() - DAY_MS), beforeEnd: new Date(until.getTime() + DAY_MS) },
    "reconcile",
  );
  const bookings = new Map<string, CalcomBooking>(listed.map((b) => [b.uid, b]));
  // Claimed by any phase of this company, not only the upcoming synced ones checked here.
  const listedUids = listed.map((b) => b.uid);
  const claimedRows = listedUids.length
    ? await ctx.db
        .select({ uid: appointmentPhases.calcomBookingUid })
        .from(appointmentPhases)
        .where(
          and(eq(appointmentPhases.companyId, ctx.company.id), inArray(appointmentPhases.calcomBookingUid, listedUids)),
        )
    : [];
  const claimed = new Set(claimedRows.map((r) => r.uid));
  const unclaimed = listed.filter((b) => isActive(b) && !claimed.has(b.uid));
  const known = new Set(upcoming.map((a) => a.id));

  const flagged: ReconcileResult["flagged"] = [];
  let badPhases = 0;
  for (const { id, hostUserId } of upcoming) {
    const mine = phases.filter((p) => p.appointmentId === id);
    const problems = mine.map((p): Problem | null => {
      const booking = p.calcomBookingUid ? bookings.get(p.calcomBookingUid) : undefined;
      if (!booking) return "missing";
      if (!isActive(booking)) return "cancelled";
      if (!startsAt(booking, p.startTime)) return "moved";
      const overlapping = (b: CalcomBooking) =>
        Date.parse(b.start) < p.endTime.getTime() && p.startTime.getTime() < Date.parse(b.end);
      if (hostUserId !== null && unclaimed.some((b) => bookingHostId(b) === hostUserId && overlapping(b)))
        return "overlap";
      return null;
    });
    const orphan = unclaimed.some((b) => String(b.metadata?.crm_appointment_id ?? "") === String(id));
    const problem = problems.find((x) => x !== null) ?? (orphan ? "orphan" : null);
    if (!problem) continue;
    const bad = problems.filter((x) => x !== null).length;
    badPhases += bad;
    flagged.push({ appointmentId: id, problem });
    await finishAppointment(
      ctx.db,
      id,
      {
        status: bad === 0 ? "synced" : bad === mine.length ? "failed" : "partial",
        review: true,
        errorCode: `calcom_${problem}`,
        errorMessage: `${bad || 1} von ${mine.length} Segmenten: die Buchung ${PROBLEM_TEXT[problem]}. ${ADVICE[problem]}`,
      },
      { ctx, run: "reconcile" },
    );
  }
  const strays = unclaimed.filter((b) => b.metadata?.crm_phase_id && !known.has(Number(b.metadata.crm_appointment_id)));
  await recordRun(ctx.db, {
    companyId: ctx.company.id,
    appointmentId: null,
    jobId: input.jobId ?? null,
    kind: "reconcile",
    outcome: flagged.length || strays.length ? "partial" : "synced",
    phasesTotal: phases.length,
    phasesSynced: phases.length - badPhases,
    errorMessage: strays.length
      ? `${strays.length} Buchungen mit SlotDesk-Kennung gehören zu keinem anstehenden Termin: ${strays.map((b) => b.uid).join(", ")}`
      : null,
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
  });
  return { checked: upcoming.length, flagged };
}

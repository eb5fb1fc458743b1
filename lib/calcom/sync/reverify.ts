import { and, desc, eq } from "drizzle-orm";
import { CalcomClient, calcomTargetFor, CAL_API_VERSION } from "..";
import type { Ctx } from "../../context";
import { syncRuns } from "../../db";
import { AppError } from "../../errors";
import { formatDateTimeDe, formatTimeDe } from "../../time";
import { bookingsOverlapping, spanOf } from "./lookup";
import { atPhaseTimes, blockersOf, isActive, isOursFor, matchPhases } from "./match";
import { isStructuralCause } from "./explain";
import { conflictWith } from "./messages";
import { adoptBooking, attemptRecorder, finishAppointment, recordRun, setPhaseState } from "./persist";
import { loadSyncSubject } from "./subject";

export type ReverifyResult = {
  status: "synced" | "partial" | "failed";
  found: number;
  total: number;
  recovered: number;
  /** The cause stored after the check: a structural one survives it (see isStructuralCause). */
  errorCode: string | null;
  cancelled: boolean;
};

/**
 * The structural cause known for the appointment: its own, else the last sync run's — an earlier
 * re-check may have overwritten the appointment's code with "missing", the run still knows why.
 */
async function knownStructuralCause(ctx: Ctx, appointment: { id: number; syncErrorCode: string | null }) {
  if (isStructuralCause(appointment.syncErrorCode)) return { code: appointment.syncErrorCode, message: null };
  const [last] = await ctx.db
    .select({ code: syncRuns.errorCode, message: syncRuns.errorMessage })
    .from(syncRuns)
    .where(and(eq(syncRuns.appointmentId, appointment.id), eq(syncRuns.kind, "sync")))
    .orderBy(desc(syncRuns.startedAt), desc(syncRuns.id))
    .limit(1);
  return isStructuralCause(last?.code) ? { code: last.code, message: last.message } : null;
}

/**
 * "Sync erneut prüfen": asks Cal.com which of the appointment's phase bookings exist at the phase's
 * current times — by uid, else provably ours around them, else our customer's booking at that start
 * (±5 min) on the event type — and repairs the statuses. Creates and cancels nothing.
 * What was done by hand for appointment 762 in seed 000, automatically.
 */
export async function reverifyAppointment({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { appointmentId: number; jobId?: string };
}): Promise<ReverifyResult> {
  const startedAt = new Date();
  const subject = await loadSyncSubject(ctx.db, ctx.company.id, input.appointmentId);
  if (!subject) throw new AppError("NOT_FOUND", "Termin nicht gefunden", { appointmentId: input.appointmentId });
  const target = calcomTargetFor(ctx.company);
  const client = new CalcomClient({
    baseUrl: target.baseUrl,
    apiKey: target.apiKey,
    publicOnly: target.publicOnly,
    record: attemptRecorder(ctx.db, ctx.company.id, input.appointmentId, input.jobId),
  });
  const phases = subject.required.map((phase) => ({ phase, eventTypeId: subject.eventTypeFor(phase.segmentKey) }));
  const wasSynced = new Set(phases.filter((p) => p.phase.calcomSyncStatus === "synced").map((p) => p.phase.id));
  const info = (eventTypeId: number | null) => ({ eventTypeId, attempt: 0, apiVersion: CAL_API_VERSION.bookings });

  if (subject.appointment.status === "cancelled") {
    let stillActive = 0;
    for (const { phase } of phases) {
      const booking = phase.calcomBookingUid ? await client.getBooking(phase.calcomBookingUid, phase.id) : null;
      if (booking && isActive(booking)) stillActive++;
      else await setPhaseState(ctx.db, phase.id, { status: "cancelled" });
    }
    const status = stillActive === 0 ? "synced" : "failed";
    await finishAppointment(
      ctx.db,
      subject.appointment.id,
      {
        status,
        review: stillActive > 0,
        errorCode: stillActive ? "calcom_still_active" : null,
        errorMessage: stillActive
          ? `${stillActive} Buchungen des stornierten Termins sind in Cal.com noch aktiv.`
          : null,
      },
      { ctx, run: "reverify" },
    );
    return {
      status,
      found: phases.length - stillActive,
      total: phases.length,
      recovered: 0,
      errorCode: stillActive ? "calcom_still_active" : null,
      cancelled: true,
    };
  }

  const known = await knownStructuralCause(ctx, subject.appointment);
  const verified = new Set<number>();
  const stale = new Map<number, string>();
  for (const target of phases) {
    const { phase } = target;
    if (!phase.calcomBookingUid) continue;
    const booking = await client.getBooking(phase.calcomBookingUid, phase.id);
    if (!booking || !isActive(booking)) continue;
    if (isOursFor(booking, target, subject) && atPhaseTimes(booking, phase)) {
      await adoptBooking(ctx.db, subject, phase, booking, info(target.eventTypeId));
      verified.add(phase.id);
    } else {
      // Still active at its old time: keep the uid, so "Erneut synchronisieren" cancels it.
      stale.set(
        phase.id,
        `${formatDateTimeDe(new Date(booking.start), ctx.company.timeZone)}–${formatTimeDe(new Date(booking.end), ctx.company.timeZone)}`,
      );
    }
  }
  const open = phases.filter((p) => !verified.has(p.phase.id) && !stale.has(p.phase.id));
  if (open.length > 0) {
    const around = await bookingsOverlapping(client, spanOf(open.map((p) => p.phase)), "verify");
    const found = matchPhases(open, around, subject, ctx.company);
    const claimed = new Set([...found.values()].map((m) => m.booking.uid));
    for (const target of open) {
      const match = found.get(target.phase.id);
      if (match) {
        await adoptBooking(ctx.db, subject, target.phase, match.booking, info(target.eventTypeId));
        verified.add(target.phase.id);
        continue;
      }
      const blocker = blockersOf(target, around, subject, claimed)[0];
      const message = blocker
        ? conflictWith(blocker, {
            staff: subject.staff.name,
            segment: target.phase.segmentName,
            timeZone: ctx.company.timeZone,
          }).message
        : known && target.phase.syncErrorMessage
          ? target.phase.syncErrorMessage
          : "In Cal.com nicht gefunden (erneute Prüfung).";
      await setPhaseState(ctx.db, target.phase.id, { status: "failed", message, clearBooking: true });
    }
  }
  for (const [phaseId, when] of stale) {
    await setPhaseState(ctx.db, phaseId, {
      status: "failed",
      message: `Die Buchung steht in Cal.com noch zur alten Zeit (${when}).`,
    });
  }
  const found = verified.size;
  const status = found === phases.length ? "synced" : found > 0 ? "partial" : "failed";
  const missing = phases.length - found;
  const structural = known !== null && status !== "synced";
  const errorCode =
    status === "synced" ? null : structural ? known.code : stale.size ? "calcom_stale" : "calcom_missing";
  const errorMessage =
    status === "synced"
      ? null
      : structural
        ? (known.message ?? subject.appointment.syncErrorMessage)
        : stale.size
          ? `${stale.size} von ${phases.length} Segmenten stehen in Cal.com noch zur alten Zeit. „Erneut synchronisieren“ verschiebt sie.`
          : `${missing} von ${phases.length} Segmenten ${missing === 1 ? "ist" : "sind"} in Cal.com nicht vorhanden. „Erneut synchronisieren“ legt ${missing === 1 ? "es" : "sie"} an.`;
  await finishAppointment(
    ctx.db,
    subject.appointment.id,
    {
      status,
      review: status !== "synced",
      errorCode,
      errorMessage,
    },
    { ctx, run: "reverify" },
  );
  const recovered = [...verified].filter((id) => !wasSynced.has(id)).length;
  await recordRun(ctx.db, {
    companyId: ctx.company.id,
    appointmentId: subject.appointment.id,
    jobId: input.jobId ?? null,
    kind: "reverify",
    trigger: "admin",
    composite: subject.service.composite,
    outcome: status,
    phasesTotal: phases.length,
    phasesSynced: found,
    recoveredByVerification: recovered,
    errorCode,
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
  });
  return { status, found, total: phases.length, recovered, errorCode, cancelled: false };
}

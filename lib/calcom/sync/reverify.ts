import { CalcomClient, calcomTargetFor, CAL_API_VERSION } from "..";
import type { Ctx } from "../../context";
import { AppError } from "../../errors";
import { formatDateTimeDe, formatTimeDe } from "../../time";
import { bookingsOverlapping, spanOf } from "./lookup";
import { atPhaseTimes, blockersOf, isActive, isOursFor, matchPhases } from "./match";
import { conflictWith } from "./messages";
import { adoptBooking, attemptRecorder, finishAppointment, recordRun, setPhaseState } from "./persist";
import { loadSyncSubject } from "./subject";

/** Causes re-verification cannot cure: their advice stays instead of "Erneut synchronisieren legt sie an". */
const STRUCTURAL_CAUSES = new Set([
  "calcom_managed_parent",
  "mapping_missing",
  "calcom_event_type_missing",
  "calcom_auth",
  "calcom_notice",
  "calcom_attendee",
]);

export type ReverifyResult = {
  status: "synced" | "partial" | "failed";
  found: number;
  total: number;
  recovered: number;
};

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
    return { status, found: phases.length - stillActive, total: phases.length, recovered: 0 };
  }

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
  const structural = STRUCTURAL_CAUSES.has(subject.appointment.syncErrorCode ?? "") && status !== "synced";
  const errorCode =
    status === "synced"
      ? null
      : structural
        ? subject.appointment.syncErrorCode
        : stale.size
          ? "calcom_stale"
          : "calcom_missing";
  const errorMessage =
    status === "synced"
      ? null
      : structural
        ? subject.appointment.syncErrorMessage
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
    composite: subject.service.composite,
    outcome: status,
    phasesTotal: phases.length,
    phasesSynced: found,
    recoveredByVerification: recovered,
    errorCode,
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
  });
  return { status, found, total: phases.length, recovered };
}

import { CalcomClient } from "../calcom/client";
import { calcomTargetFor } from "../calcom/config";
import { CAL_API_VERSION } from "../calcom/versions";
import type { Ctx } from "../context";
import { AppError } from "../errors";
import { isActive, matchPhases, startsAt } from "./match";
import { adoptBooking, attemptRecorder, finishAppointment, recordRun, setPhaseState } from "./persist";
import { loadSyncSubject } from "./subject";

export type ReverifyResult = { status: "synced" | "partial" | "failed"; found: number; total: number; recovered: number };

/**
 * "Sync erneut prüfen": asks Cal.com which of the appointment's phase bookings exist — by uid, else
 * by our metadata, else by start (±5 min) and event type — and repairs the statuses. Creates nothing.
 * What was done by hand for appointment 762 in seed 000, automatically.
 */
export async function reverifyAppointment({ ctx, input }: { ctx: Ctx; input: { appointmentId: number; jobId?: string } }): Promise<ReverifyResult> {
  const startedAt = new Date();
  const subject = await loadSyncSubject(ctx.db, ctx.company.id, input.appointmentId);
  if (!subject) throw new AppError("NOT_FOUND", "Termin nicht gefunden", { appointmentId: input.appointmentId });
  const target = calcomTargetFor(ctx.company);
  const client = new CalcomClient({ baseUrl: target.baseUrl, apiKey: target.apiKey, record: attemptRecorder(ctx.db, ctx.company.id, input.appointmentId, input.jobId) });
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
    await finishAppointment(ctx.db, subject.appointment.id, {
      status,
      review: stillActive > 0,
      errorCode: stillActive ? "calcom_still_active" : null,
      errorMessage: stillActive ? `${stillActive} Buchungen des stornierten Termins sind in Cal.com noch aktiv.` : null,
    });
    return { status, found: phases.length - stillActive, total: phases.length, recovered: 0 };
  }

  const verified = new Set<number>();
  for (const { phase, eventTypeId } of phases) {
    if (!phase.calcomBookingUid) continue;
    const booking = await client.getBooking(phase.calcomBookingUid, phase.id);
    if (booking && isActive(booking) && startsAt(booking, phase.startTime)) {
      await adoptBooking(ctx.db, subject, phase, booking, info(eventTypeId));
      verified.add(phase.id);
    }
  }
  const open = phases.filter((p) => !verified.has(p.phase.id));
  if (open.length > 0) {
    const from = new Date(Math.min(...open.map((p) => p.phase.startTime.getTime())) - 5 * 60_000);
    const to = new Date(Math.max(...open.map((p) => p.phase.endTime.getTime())) + 5 * 60_000);
    const found = matchPhases(open, await client.listBookings({ afterStart: from, beforeEnd: to }, "verify"));
    for (const { phase, eventTypeId } of open) {
      const match = found.get(phase.id);
      if (match) {
        await adoptBooking(ctx.db, subject, phase, match.booking, info(eventTypeId));
        verified.add(phase.id);
      } else {
        await setPhaseState(ctx.db, phase.id, { status: "failed", message: "In Cal.com nicht gefunden (erneute Prüfung).", clearBooking: true });
      }
    }
  }
  const found = verified.size;
  const status = found === phases.length ? "synced" : found > 0 ? "partial" : "failed";
  const missing = phases.length - found;
  await finishAppointment(ctx.db, subject.appointment.id, {
    status,
    review: status !== "synced",
    errorCode: status === "synced" ? null : "calcom_missing",
    errorMessage: status === "synced" ? null : `${missing} von ${phases.length} Segmenten sind in Cal.com nicht vorhanden. „Erneut synchronisieren“ legt sie an.`,
  });
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
    errorCode: status === "synced" ? null : "calcom_missing",
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
  });
  return { status, found, total: phases.length, recovered };
}

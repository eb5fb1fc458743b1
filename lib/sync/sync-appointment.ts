import { CalcomClient } from "../calcom/client";
import { calcomTargetFor } from "../calcom/config";
import { CalcomError } from "../calcom/errors";
import { CAL_API_VERSION } from "../calcom/versions";
import type { Ctx } from "../context";
import { logger } from "../logger";
import { carriesPhase, isActive, matchPhases, startsAt, bookingEventTypeId } from "./match";
import { describeFailure, missingMapping, type PhaseFailure } from "./messages";
import { adoptBooking, attemptRecorder, finishAppointment, recordRun, setPhaseState } from "./persist";
import { loadSyncSubject, phaseMetadata, type SyncPhase, type SyncSubject } from "./subject";
import { intSetting } from "../env";

export const RESCHEDULED_BY = "sync@slotdesk.app";
export const CANCEL_REASON_PREFIX = "SlotDesk:";
const LOOKUP_WINDOW_MS = 12 * 60 * 60_000;

export type SyncInput = { appointmentId: number; jobId?: string; attempt?: number; finalAttempt?: boolean; verifyDelayMs?: number };
export type SyncResult = { outcome: "synced" | "partial" | "failed" | "cancelled" | "missing"; retry: boolean; recovered: number };

type Work = { phase: SyncPhase; eventTypeId: number | null; done: boolean; failure: PhaseFailure | null };

export const verifyDelayMs = () => intSetting("CALCOM_VERIFY_DELAY_MS", 2000, 0);

function attendeeOf(subject: SyncSubject, timeZone: string) {
  const { customer } = subject;
  return {
    name: customer.name,
    timeZone,
    language: "de",
    ...(customer.email ? { email: customer.email } : {}),
    ...(customer.phone ? { phoneNumber: customer.phone } : {}),
    // Cal.com needs a contact method; a walk-in without one gets an address that can never receive mail.
    ...(!customer.email && !customer.phone ? { email: `kunde-${customer.id}@ohne-kontakt.slotdesk.invalid` } : {}),
  };
}

/** One staff-required phase: keep, move, adopt or create its booking — never a second one. */
async function syncPhase(ctx: Ctx, client: CalcomClient, subject: SyncSubject, w: Work, attempt: number): Promise<void> {
  const { phase, eventTypeId } = w;
  if (eventTypeId === null) {
    w.failure = missingMapping(phase.segmentName, phase.segmentKey, subject.service.name, subject.staff.name);
    return;
  }
  const adopt = async (booking: Parameters<typeof adoptBooking>[3], latencyMs?: number) => {
    await adoptBooking(ctx.db, subject, phase, booking, { eventTypeId, attempt, latencyMs, apiVersion: CAL_API_VERSION.bookings });
    w.done = true;
  };
  if (phase.calcomBookingUid) {
    const known = await client.getBooking(phase.calcomBookingUid, phase.id);
    if (known && isActive(known)) {
      const sameType = bookingEventTypeId(known) === undefined || bookingEventTypeId(known) === eventTypeId;
      if (sameType && startsAt(known, phase.startTime)) return adopt(known);
      if (sameType) return adopt(await client.rescheduleBooking(known.uid, phase.startTime, RESCHEDULED_BY, phase.id));
      // Another stylist now: Cal.com cannot move a booking to another host; cancel and book anew.
      await client.cancelBooking(known.uid, `${CANCEL_REASON_PREFIX} Mitarbeiter gewechselt`, phase.id).catch(ignoreGone);
    }
    await setPhaseState(ctx.db, phase.id, { status: "pending", clearBooking: true });
  }
  // An earlier attempt may have created the booking although it reported an error: adopt it.
  const nearby = await client.listBookings(
    { afterStart: new Date(phase.startTime.getTime() - LOOKUP_WINDOW_MS), beforeEnd: new Date(phase.endTime.getTime() + LOOKUP_WINDOW_MS), eventTypeIds: [eventTypeId] },
    "lookup",
  );
  const ours = nearby.find((b) => isActive(b) && carriesPhase(b, phase.id));
  if (ours) return adopt(startsAt(ours, phase.startTime) ? ours : await client.rescheduleBooking(ours.uid, phase.startTime, RESCHEDULED_BY, phase.id));
  const started = performance.now();
  const created = await client.createBooking(
    { start: phase.startTime, eventTypeId, attendee: attendeeOf(subject, ctx.company.timeZone), metadata: phaseMetadata(subject, phase) },
    phase.id,
  );
  await adopt(created, Math.round(performance.now() - started));
}

function ignoreGone(error: unknown) {
  if (error instanceof CalcomError && (error.kind === "already_cancelled" || error.kind === "not_found")) return;
  throw error;
}

const runAll = async <T>(items: T[], parallel: boolean, fn: (item: T) => Promise<void>) => {
  if (parallel) await Promise.all(items.map(fn));
  else for (const item of items) await fn(item);
};

/**
 * Makes Cal.com match the appointment: one booking per staff-required phase (gaps are never sent),
 * or none when it is cancelled. Safe to run any number of times. After errors whose outcome is
 * unknown it verifies against Cal.com before deciding (seed 000: a 400 although created).
 */
export async function syncAppointment({ ctx, input }: { ctx: Ctx; input: SyncInput }): Promise<SyncResult> {
  const startedAt = new Date();
  const attempt = input.attempt ?? 1;
  const subject = await loadSyncSubject(ctx.db, ctx.company.id, input.appointmentId);
  if (!subject) return { outcome: "missing", retry: false, recovered: 0 };
  const target = calcomTargetFor(ctx.company);
  const client = new CalcomClient({ baseUrl: target.baseUrl, apiKey: target.apiKey, record: attemptRecorder(ctx.db, ctx.company.id, input.appointmentId, input.jobId) });
  const log = logger.child({ appointmentId: input.appointmentId, jobId: input.jobId });
  const parallel = ctx.company.parallelCalcomBooking;
  const work: Work[] = subject.required.map((phase) => ({ phase, eventTypeId: subject.eventTypeFor(phase.segmentKey), done: false, failure: null }));
  const action = subject.required.some((p) => p.calcomBookingUid) ? "reschedule" : "create";
  const fail = (w: Work, error: unknown) => {
    w.failure = describeFailure(error, { segment: w.phase.segmentName, staff: subject.staff.name, eventTypeId: w.eventTypeId });
  };

  if (subject.appointment.status === "cancelled") {
    await runAll(work, parallel, async (w) => {
      try {
        await cancelPhase(ctx, client, w);
      } catch (error) {
        fail(w, error);
      }
    });
    return conclude(ctx, subject, work, { kind: "cancel", action: "cancel", startedAt, attempt, input, recovered: 0, log });
  }

  await runAll(work, parallel, async (w) => {
    try {
      await syncPhase(ctx, client, subject, w, attempt);
    } catch (error) {
      fail(w, error);
    }
  });

  let recovered = 0;
  const unknown = work.filter((w) => !w.done && w.failure?.outcomeUnknown);
  if (unknown.length > 0 && ctx.company.postSyncVerification) {
    await new Promise((r) => setTimeout(r, input.verifyDelayMs ?? verifyDelayMs()));
    const from = new Date(Math.min(...unknown.map((w) => w.phase.startTime.getTime())) - 5 * 60_000);
    const to = new Date(Math.max(...unknown.map((w) => w.phase.endTime.getTime())) + 5 * 60_000);
    try {
      const found = matchPhases(unknown, await client.listBookings({ afterStart: from, beforeEnd: to }, "verify"));
      for (const w of unknown) {
        const match = found.get(w.phase.id);
        if (!match) continue;
        await adoptBooking(ctx.db, subject, w.phase, match.booking, { eventTypeId: w.eventTypeId, attempt, apiVersion: CAL_API_VERSION.bookings });
        w.done = true;
        w.failure = null;
        recovered++;
      }
      if (recovered) log.info({ recovered }, "post-sync verification found bookings Cal.com had reported as failed");
    } catch (error) {
      log.warn({ err: error }, "post-sync verification failed");
    }
  }
  return conclude(ctx, subject, work, { kind: "sync", action, startedAt, attempt, input, recovered, log });
}

async function cancelPhase(ctx: Ctx, client: CalcomClient, w: Work): Promise<void> {
  const reason = `${CANCEL_REASON_PREFIX} Termin storniert`;
  if (w.phase.calcomBookingUid && w.phase.calcomSyncStatus !== "cancelled") {
    await client.cancelBooking(w.phase.calcomBookingUid, reason, w.phase.id).catch(ignoreGone);
  } else if (!w.phase.calcomBookingUid && w.eventTypeId !== null) {
    const nearby = await client.listBookings(
      { afterStart: new Date(w.phase.startTime.getTime() - LOOKUP_WINDOW_MS), beforeEnd: new Date(w.phase.endTime.getTime() + LOOKUP_WINDOW_MS), eventTypeIds: [w.eventTypeId] },
      "lookup",
    );
    for (const b of nearby.filter((b) => isActive(b) && carriesPhase(b, w.phase.id))) await client.cancelBooking(b.uid, reason, w.phase.id).catch(ignoreGone);
  }
  await setPhaseState(ctx.db, w.phase.id, { status: "cancelled" });
  w.done = true;
}

async function conclude(
  ctx: Ctx,
  subject: SyncSubject,
  work: Work[],
  run: { kind: "sync" | "cancel"; action: "create" | "reschedule" | "cancel"; startedAt: Date; attempt: number; input: SyncInput; recovered: number; log: typeof logger },
): Promise<SyncResult> {
  const failures = work.filter((w) => !w.done);
  for (const w of failures) await setPhaseState(ctx.db, w.phase.id, { status: "failed", message: w.failure?.message ?? "Unbekannter Fehler" });
  const synced = work.length - failures.length;
  const status = failures.length === 0 ? "synced" : synced > 0 ? "partial" : "failed";
  const retry = failures.some((w) => w.failure?.retryable) && !run.input.finalAttempt;
  const first = failures[0]?.failure ?? null;
  await finishAppointment(ctx.db, subject.appointment.id, {
    status,
    review: status !== "synced" && !retry,
    errorCode: first?.code ?? null,
    errorMessage: first ? (failures.length > 1 ? `${failures.length} von ${work.length} Segmenten: ${first.message}` : first.message) : null,
  });
  const outcome = run.kind === "cancel" && status === "synced" ? "cancelled" : status;
  await recordRun(ctx.db, {
    companyId: ctx.company.id,
    appointmentId: subject.appointment.id,
    jobId: run.input.jobId ?? null,
    kind: "sync",
    action: run.action,
    attempt: run.attempt,
    composite: subject.service.composite,
    outcome: retry ? "retrying" : outcome,
    phasesTotal: work.length,
    phasesSynced: synced,
    recoveredByVerification: run.recovered,
    errorCode: first?.code ?? null,
    errorMessage: first?.message ?? null,
    startedAt: run.startedAt,
    durationMs: Date.now() - run.startedAt.getTime(),
  });
  run.log.info({ outcome, synced, total: work.length, retry, recovered: run.recovered }, "calcom sync finished");
  return { outcome, retry, recovered: run.recovered };
}

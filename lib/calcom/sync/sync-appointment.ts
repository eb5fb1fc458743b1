import { CalcomClient, calcomConnectionFor, type CalcomBooking, CAL_API_VERSION } from "..";
import type { Ctx } from "../../context";
import { tunable } from "../../env";
import { logger } from "../../logger";
import { bookingsOverlapping, spanOf } from "./lookup";
import { blockersOf, isActive, isOursFor, matchPhases, type PhaseTarget } from "./match";
import { conflictWith, describeFailure, missingMapping, notConnected, type PhaseFailure } from "./messages";
import { adoptBooking, attemptRecorder, setPhaseState } from "./persist";
import { cancelOurs, createPhaseBooking, readStandings } from "./phase-bookings";
import { concludeSync, type SyncInput, type SyncResult } from "./conclude";
import { type SyncLease, withAppointmentSyncLock } from "./run-lock";
import { loadSyncSubject, type SyncSubject } from "./subject";

export type { SyncInput, SyncResult } from "./conclude";

export type Work = PhaseTarget & { done: boolean; failure: PhaseFailure | null };

export const verifyDelayMs = () => tunable("CALCOM_VERIFY_DELAY_MS");

const runAll = async <T>(items: T[], parallel: boolean, fn: (item: T) => Promise<void>) => {
  if (parallel) await Promise.all(items.map(fn));
  else for (const item of items) await fn(item);
};

/**
 * Makes Cal.com match the appointment: exactly one booking per staff-required phase, at its times,
 * with its length, on its event type and stylist (gaps are never sent); none once it is cancelled.
 * Safe to run any number of times. A move cancels the bookings that no longer fit and then books
 * anew — never Cal.com's reschedule: it resets the length to the event type's default and refuses
 * a time the appointment's own not-yet-moved segments still hold (both recorded). Cancelling all
 * stale bookings before creating any means the appointment can never collide with itself.
 */
export async function syncAppointment({ ctx, input }: { ctx: Ctx; input: SyncInput }): Promise<SyncResult> {
  const locked = await withAppointmentSyncLock(input.appointmentId, (lease) => syncHeld({ ctx, input, lease }));
  // Another run works on this appointment right now: this one comes back later (the job's backoff).
  return locked.ran ? locked.value : { outcome: "busy", retry: true, recovered: 0 };
}

/**
 * One sync run; only ever one at a time per appointment (withAppointmentSyncLock). A run whose lease
 * is gone sends nothing more to Cal.com and writes no conclusion: it throws, and the job retries.
 */
async function syncHeld({ ctx, input, lease }: { ctx: Ctx; input: SyncInput; lease: SyncLease }): Promise<SyncResult> {
  const startedAt = new Date();
  const attempt = input.attempt ?? 1;
  const subject = await loadSyncSubject(ctx.db, ctx.company.id, input.appointmentId);
  if (!subject) return { outcome: "missing", retry: false, recovered: 0 };
  const log = logger.child({ appointmentId: input.appointmentId, jobId: input.jobId });
  const parallel = ctx.company.parallelCalcomBooking;
  const conclude: typeof concludeSync = async (...args) => {
    if (lease.lost) await lease.check();
    return concludeSync(...args);
  };
  const work: Work[] = subject.required.map((phase) => ({
    phase,
    eventTypeId: subject.eventTypeFor(phase.segmentKey),
    done: false,
    failure: null,
  }));
  const action =
    subject.appointment.status === "cancelled"
      ? "cancel"
      : subject.required.some((p) => p.calcomBookingUid)
        ? "reschedule"
        : "create";
  const fail = (w: Work, error: unknown) => {
    w.failure = describeFailure(error, {
      segment: w.phase.segmentName,
      staff: subject.staff.name,
      eventTypeId: w.eventTypeId,
    });
  };
  const target = calcomConnectionFor(ctx.company);
  if (!target.connected) {
    for (const w of work) w.failure = notConnected(target.message);
    return conclude(ctx, subject, work, { action, startedAt, attempt, input, recovered: 0, log });
  }
  const record = attemptRecorder(ctx.db, ctx.company.id, input.appointmentId, input.jobId);
  const client = new CalcomClient({
    baseUrl: target.baseUrl,
    apiKey: target.apiKey,
    publicOnly: target.publicOnly,
    record,
    beforeWrite: lease.check,
  });
  const adopt = async (w: Work, booking: CalcomBooking, latencyMs?: number) => {
    await adoptBooking(ctx.db, subject, w.phase, booking, {
      eventTypeId: w.eventTypeId,
      attempt,
      latencyMs,
      apiVersion: CAL_API_VERSION.bookings,
    });
    w.done = true;
    w.failure = null;
  };

  if (subject.appointment.status === "cancelled") {
    await runAll(work, parallel, async (w) => {
      try {
        await cancelPhase(client, subject, w);
        await setPhaseState(ctx.db, w.phase.id, { status: "cancelled" });
        w.done = true;
      } catch (error) {
        fail(w, error);
      }
    });
    return conclude(ctx, subject, work, { action, startedAt, attempt, input, recovered: 0, log });
  }

  for (const w of work)
    if (w.eventTypeId === null)
      w.failure = missingMapping(w.phase.segmentName, w.phase.segmentKey, subject.service.name, subject.staff.name);
  const mapped = work.filter((w) => w.eventTypeId !== null);
  let standings: Awaited<ReturnType<typeof readStandings>>;
  try {
    standings = await readStandings(client, subject, mapped);
  } catch (error) {
    for (const w of mapped) fail(w, error);
    return conclude(ctx, subject, work, { action, startedAt, attempt, input, recovered: 0, log });
  }
  const toCreate: Work[] = [];
  await runAll(mapped, parallel, async (w) => {
    const standing = standings.get(w.phase.id)!;
    try {
      for (const stale of standing.stale) await cancelOurs(client, stale.uid, "Termin verschoben", w.phase.id);
      if (standing.fits) return adopt(w, standing.fits);
      // A cancelled or vanished booking must not stay on the phase while its successor is made.
      if (w.phase.calcomBookingUid) await setPhaseState(ctx.db, w.phase.id, { status: "pending", clearBooking: true });
      toCreate.push(w);
    } catch (error) {
      fail(w, error);
    }
  });
  await runAll(toCreate, parallel, async (w) => {
    try {
      const started = performance.now();
      const created = await createPhaseBooking(client, ctx.company, subject, w);
      await adopt(w, created, Math.round(performance.now() - started));
    } catch (error) {
      fail(w, error);
    }
  });
  const recovered = await verifyUnknown(ctx, client, subject, work, {
    attempt,
    delayMs: input.verifyDelayMs ?? verifyDelayMs(),
    log,
    adopt,
  });
  return conclude(ctx, subject, work, { action, startedAt, attempt, input, recovered, log });
}

/** Cancels the phase's booking, and any other of ours for it (an earlier attempt's), in Cal.com. */
async function cancelPhase(client: CalcomClient, subject: SyncSubject, w: Work): Promise<void> {
  const why = "Termin storniert";
  if (w.phase.calcomBookingUid && w.phase.calcomSyncStatus !== "cancelled")
    await cancelOurs(client, w.phase.calcomBookingUid, why, w.phase.id);
  if (w.phase.calcomBookingUid || w.eventTypeId === null) return;
  const around = await bookingsOverlapping(client, { ...spanOf([w.phase]), eventTypeIds: [w.eventTypeId] }, "lookup");
  for (const b of around.filter((x) => isActive(x) && isOursFor(x, w, subject)))
    await cancelOurs(client, b.uid, why, w.phase.id);
}

/**
 * After errors whose outcome is unknown (Cal.com's 400 although it created the booking, seed 000;
 * timeouts; 5xx) look again before deciding: adopt what is provably ours; a booking of someone else
 * at that time makes the failure a conflict the admin can read.
 */
async function verifyUnknown(
  ctx: Ctx,
  client: CalcomClient,
  subject: SyncSubject,
  work: Work[],
  opts: { attempt: number; delayMs: number; log: typeof logger; adopt: (w: Work, b: CalcomBooking) => Promise<void> },
): Promise<number> {
  const unknown = work.filter((w) => !w.done && w.failure?.outcomeUnknown);
  if (unknown.length === 0 || !ctx.company.postSyncVerification) return 0;
  await new Promise((r) => setTimeout(r, opts.delayMs));
  try {
    const around = await bookingsOverlapping(client, spanOf(unknown.map((w) => w.phase)), "verify");
    const found = matchPhases(unknown, around, subject, ctx.company);
    for (const w of unknown) {
      const match = found.get(w.phase.id);
      if (match) await opts.adopt(w, match.booking);
    }
    const claimed = new Set([...found.values()].map((m) => m.booking.uid));
    for (const w of unknown.filter((x) => !x.done && x.failure?.code === "calcom_conflict")) {
      const blockers = blockersOf(w, around, subject, claimed);
      if (blockers.length)
        w.failure = conflictWith(blockers[0]!, {
          staff: subject.staff.name,
          segment: w.phase.segmentName,
          timeZone: ctx.company.timeZone,
        });
    }
    if (found.size)
      opts.log.info({ recovered: found.size }, "post-sync verification found bookings Cal.com had reported as failed");
    return found.size;
  } catch (error) {
    opts.log.warn({ err: error }, "post-sync verification failed");
    return 0;
  }
}

import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAppointmentEvent } from "../../appointments";
import type { Company } from "../../context";
import { decryptSecret } from "../../crypto";
import {
  type Db,
  type DbOrTx,
  appointmentPhases,
  appointments,
  calcomEventMap,
  calcomWebhookEvents,
  companies,
  externalBusyTimes,
  staff,
} from "../../db";
import { atTimesOf } from "./match";
import { CANCEL_REASON_PREFIX } from "./phase-bookings";

/** What SlotDesk sent as rescheduledBy before it moved bookings by cancel + create. */
const RESCHEDULED_BY = "sync@slotdesk.app";

/** An instant as Cal.com sends it ("2031-03-03T09:00:00Z"); "not-a-date" is refused, not stored. */
const instant = z
  .string()
  .max(64)
  .refine((v) => !Number.isNaN(Date.parse(v)), "startTime/endTime must be ISO 8601 instants");

const payloadSchema = z
  .object({
    uid: z.string().min(1).max(200).optional(),
    bookingId: z.number().optional(),
    eventTypeId: z.number().int().nullish(),
    startTime: instant.optional(),
    endTime: instant.optional(),
    title: z.string().optional(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
    organizer: z.object({ id: z.number().optional(), email: z.string().optional() }).passthrough().optional(),
    rescheduleUid: z.string().optional(),
    rescheduledBy: z.string().optional(),
    cancellationReason: z.string().nullish(),
  })
  .passthrough()
  .refine((p) => !p.startTime || !p.endTime || Date.parse(p.endTime) > Date.parse(p.startTime), {
    message: "endTime must be after startTime",
  });

export const webhookSchema = z.object({
  triggerEvent: z.string(),
  createdAt: z.string().optional(),
  payload: payloadSchema,
});

/** Hex HMAC-SHA256 of the raw body, compared in constant time; Cal.com's "no-secret-provided" never passes. */
export function signatureMatches(rawBody: string, signature: string, secret: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(signature)) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(signature, "hex"));
}

/** The company whose webhook secret signed this body (optionally named by ?company=). */
export async function companyForSignature(
  db: Db,
  rawBody: string,
  signature: string | null,
  companyId?: string | null,
): Promise<Company | null> {
  if (!signature || signature === "no-secret-provided") return null;
  const candidates = await db
    .select()
    .from(companies)
    .where(
      and(
        isNotNull(companies.calcomWebhookSecretEncrypted),
        companyId && z.string().uuid().safeParse(companyId).success ? eq(companies.id, companyId) : undefined,
      ),
    );
  return (
    candidates.find((c) => signatureMatches(rawBody, signature, decryptSecret(c.calcomWebhookSecretEncrypted!))) ?? null
  );
}

type Payload = z.infer<typeof payloadSchema>;

async function ourPhase(db: DbOrTx, companyId: string, uid: string | undefined) {
  if (!uid) return null;
  const [row] = await db
    .select({ phase: appointmentPhases, appointment: appointments })
    .from(appointmentPhases)
    .innerJoin(appointments, eq(appointments.id, appointmentPhases.appointmentId))
    .where(and(eq(appointmentPhases.companyId, companyId), eq(appointmentPhases.calcomBookingUid, uid)));
  return row ?? null;
}

/**
 * Flags the appointment; "partial" only while another of its segments is still synced, else "failed".
 * The change made in Cal.com goes into the appointment's history with Cal.com as the actor.
 */
async function flagReview(db: DbOrTx, company: Company, appointmentId: number, code: string, message: string) {
  const status = sql<
    "partial" | "failed"
  >`case when exists (select 1 from appointment_phases p where p.appointment_id = ${appointmentId}
    and p.staff_required and p.calcom_sync_status = 'synced') then 'partial' else 'failed' end::appointment_sync_status`;
  await db
    .update(appointments)
    .set({ requiresManualReview: true, syncErrorCode: code, syncErrorMessage: message, calcomSyncStatus: status })
    .where(eq(appointments.id, appointmentId));
  await recordAppointmentEvent(
    db,
    { company, actor: { type: "calcom-webhook" } },
    { appointmentId, kind: "sync", note: message, detail: { errorCode: code, review: true } },
  );
}

async function upsertExternalBusy(db: DbOrTx, company: Company, p: Payload): Promise<string> {
  const hostId = p.organizer?.id;
  if (!p.uid || !p.startTime || !p.endTime || hostId === undefined) return "ignored_incomplete";
  const members = await db
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.companyId, company.id), eq(staff.calcomUserId, hostId)));
  if (members.length === 0) return "ignored_unknown_host";
  for (const member of members) {
    await db
      .insert(externalBusyTimes)
      .values({
        companyId: company.id,
        staffId: member.id,
        startsAt: new Date(p.startTime),
        endsAt: new Date(p.endTime),
        externalUid: p.uid,
        title: p.title ?? null,
      })
      .onConflictDoUpdate({
        target: [externalBusyTimes.companyId, externalBusyTimes.source, externalBusyTimes.externalUid],
        set: {
          startsAt: new Date(p.startTime),
          endsAt: new Date(p.endTime),
          staffId: member.id,
          updatedAt: new Date(),
        },
      });
  }
  return "external_busy";
}

async function removeExternalBusy(db: DbOrTx, companyId: string, uid: string | undefined): Promise<boolean> {
  if (!uid) return false;
  const removed = await db
    .delete(externalBusyTimes)
    .where(and(eq(externalBusyTimes.companyId, companyId), eq(externalBusyTimes.externalUid, uid)))
    .returning({ id: externalBusyTimes.id });
  return removed.length > 0;
}

/**
 * A booking SlotDesk does not know by uid but whose metadata names one of this salon's phases: it is
 * the sync's own booking whose uid is not stored yet only when it also sits exactly where that phase is
 * (event type, host, start, end). Anything else carrying our keys is someone else's booking — any
 * booker can prefill metadata — and counts as busy time.
 */
async function namedPhase(db: DbOrTx, company: Company, p: Payload) {
  const phaseId = Number(p.metadata?.crm_phase_id);
  if (!Number.isSafeInteger(phaseId) || phaseId <= 0) return null;
  const [row] = await db
    .select({
      phase: appointmentPhases,
      appointment: appointments,
      hostId: staff.calcomUserId,
      eventTypeId: sql<number | null>`coalesce(${calcomEventMap.childEventTypeId}, ${calcomEventMap.eventTypeId})`,
    })
    .from(appointmentPhases)
    .innerJoin(appointments, eq(appointments.id, appointmentPhases.appointmentId))
    .innerJoin(staff, eq(staff.id, appointments.staffId))
    .leftJoin(
      calcomEventMap,
      and(
        eq(calcomEventMap.serviceId, appointments.serviceId),
        eq(calcomEventMap.staffId, appointments.staffId),
        eq(calcomEventMap.segmentKey, appointmentPhases.segmentKey),
      ),
    )
    .where(and(eq(appointmentPhases.companyId, company.id), eq(appointmentPhases.id, phaseId)));
  if (!row || String(p.metadata?.crm_appointment_id ?? "") !== String(row.appointment.id)) return { row: null };
  // The sync may store the uid between this event's lookups (read committed): then it is this booking's.
  if (p.uid && row.phase.calcomBookingUid === p.uid) return { row, exact: true };
  const exact =
    row.phase.calcomBookingUid === null &&
    p.eventTypeId != null &&
    p.eventTypeId === row.eventTypeId &&
    p.organizer?.id !== undefined &&
    p.organizer.id === row.hostId &&
    !!p.startTime &&
    !!p.endTime &&
    atTimesOf(p.startTime, p.endTime, row.phase);
  return { row, exact };
}

/** A booking that is not ours: busy time; when it carries our metadata, the appointment it names is flagged. */
async function foreignBooking(db: DbOrTx, company: Company, p: Payload): Promise<string> {
  const outcome = await upsertExternalBusy(db, company, p);
  const named = p.metadata?.crm_phase_id !== undefined ? await namedPhase(db, company, p) : null;
  if (named?.row) {
    await flagReview(
      db,
      company,
      named.row.appointment.id,
      "calcom_foreign_metadata",
      `In Cal.com gibt es eine fremde Buchung mit den Kennungen dieses Termins (${p.uid ?? "ohne Buchungscode"}). ` +
        "Sie zählt als belegte Zeit; bitte in Cal.com prüfen, ob sie dorthin gehört.",
    );
    return "external_busy_flagged";
  }
  return outcome;
}

/**
 * Cal.com told us about a booking change. Ours changed by someone else → the appointment is flagged
 * for review; bookings made directly in Cal.com become busy time that availability respects. A booking
 * is ours only by a uid SlotDesk stored for a phase (or, while the sync has not stored it yet, by
 * sitting exactly where the phase its metadata names is). Recording and processing are one
 * transaction: when processing fails nothing is kept, and Cal.com's resend is processed anew.
 */
export async function processCalcomWebhook(
  db: Db,
  company: Company,
  rawBody: string,
  event: z.infer<typeof webhookSchema>,
): Promise<{ duplicate: boolean; outcome: string }> {
  const payloadHash = createHash("sha256").update(rawBody).digest("hex");
  return db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(calcomWebhookEvents)
      .values({
        companyId: company.id,
        triggerEvent: event.triggerEvent,
        bookingUid: event.payload.uid ?? null,
        payloadHash,
        payload: event,
      })
      .onConflictDoNothing()
      .returning({ id: calcomWebhookEvents.id });
    if (!stored) return { duplicate: true, outcome: "duplicate" };
    const outcome = await handle(tx, company, event);
    await tx.update(calcomWebhookEvents).set({ outcome }).where(eq(calcomWebhookEvents.id, stored.id));
    return { duplicate: false, outcome };
  });
}

async function handle(db: DbOrTx, company: Company, event: z.infer<typeof webhookSchema>): Promise<string> {
  const p = event.payload;
  if (event.triggerEvent === "BOOKING_CREATED") {
    if (await ourPhase(db, company.id, p.uid)) return "ignored_own";
    const named = p.metadata?.crm_phase_id !== undefined ? await namedPhase(db, company, p) : null;
    if (named?.row && named.exact) return "ignored_own";
    return foreignBooking(db, company, p);
  }
  if (event.triggerEvent === "BOOKING_CANCELLED") {
    const mine = await ourPhase(db, company.id, p.uid);
    if (!mine) return (await removeExternalBusy(db, company.id, p.uid)) ? "external_removed" : "ignored_unknown";
    const byUs =
      mine.phase.calcomSyncStatus === "cancelled" ||
      (p.cancellationReason ?? "").startsWith(CANCEL_REASON_PREFIX) ||
      mine.appointment.status === "cancelled";
    if (byUs) return "ignored_own";
    await db
      .update(appointmentPhases)
      .set({ calcomSyncStatus: "cancelled", syncErrorMessage: "Direkt in Cal.com storniert." })
      .where(eq(appointmentPhases.id, mine.phase.id));
    await flagReview(
      db,
      company,
      mine.appointment.id,
      "calcom_cancelled_externally",
      `Segment „${mine.phase.segmentName}“ wurde direkt in Cal.com storniert. Termin absagen oder erneut synchronisieren?`,
    );
    return "flagged_review";
  }
  if (event.triggerEvent === "BOOKING_RESCHEDULED") {
    const mine = await ourPhase(db, company.id, p.rescheduleUid);
    if (mine) {
      if (p.rescheduledBy === RESCHEDULED_BY) return "ignored_own";
      await flagReview(
        db,
        company,
        mine.appointment.id,
        "calcom_moved_externally",
        `Segment „${mine.phase.segmentName}“ wurde direkt in Cal.com verschoben. Bitte prüfen, welche Zeit gilt.`,
      );
      return "flagged_review";
    }
    await removeExternalBusy(db, company.id, p.rescheduleUid);
    return foreignBooking(db, company, p);
  }
  return "ignored";
}

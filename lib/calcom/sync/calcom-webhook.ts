import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAppointmentEvent } from "../../appointments";
import type { Company } from "../../context";
import { decryptSecret } from "../../crypto";
import {
  type Db,
  appointmentPhases,
  appointments,
  calcomWebhookEvents,
  companies,
  externalBusyTimes,
  staff,
} from "../../db";
import { CANCEL_REASON_PREFIX } from "./phase-bookings";

/** What SlotDesk sent as rescheduledBy before it moved bookings by cancel + create. */
const RESCHEDULED_BY = "sync@slotdesk.app";

const payloadSchema = z
  .object({
    uid: z.string().optional(),
    bookingId: z.number().optional(),
    startTime: z.string().optional(),
    endTime: z.string().optional(),
    title: z.string().optional(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
    organizer: z.object({ id: z.number().optional(), email: z.string().optional() }).passthrough().optional(),
    rescheduleUid: z.string().optional(),
    rescheduledBy: z.string().optional(),
    cancellationReason: z.string().nullish(),
  })
  .passthrough();

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

async function ourPhase(db: Db, companyId: string, uid: string | undefined) {
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
async function flagReview(db: Db, company: Company, appointmentId: number, code: string, message: string) {
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

async function upsertExternalBusy(db: Db, company: Company, p: Payload): Promise<string> {
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

async function removeExternalBusy(db: Db, companyId: string, uid: string | undefined): Promise<boolean> {
  if (!uid) return false;
  const removed = await db
    .delete(externalBusyTimes)
    .where(and(eq(externalBusyTimes.companyId, companyId), eq(externalBusyTimes.externalUid, uid)))
    .returning({ id: externalBusyTimes.id });
  return removed.length > 0;
}

/**
 * Cal.com told us about a booking change. Ours changed by someone else → the appointment is flagged
 * for review; bookings made directly in Cal.com become busy time that availability respects.
 */
export async function processCalcomWebhook(
  db: Db,
  company: Company,
  rawBody: string,
  event: z.infer<typeof webhookSchema>,
): Promise<{ duplicate: boolean; outcome: string }> {
  const payloadHash = createHash("sha256").update(rawBody).digest("hex");
  const [stored] = await db
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

  const p = event.payload;
  let outcome = "ignored";
  if (event.triggerEvent === "BOOKING_CREATED") {
    outcome = p.metadata?.crm_phase_id ? "ignored_own" : await upsertExternalBusy(db, company, p);
  } else if (event.triggerEvent === "BOOKING_CANCELLED") {
    const mine = await ourPhase(db, company.id, p.uid);
    if (mine) {
      const byUs =
        mine.phase.calcomSyncStatus === "cancelled" ||
        (p.cancellationReason ?? "").startsWith(CANCEL_REASON_PREFIX) ||
        mine.appointment.status === "cancelled";
      if (byUs) outcome = "ignored_own";
      else {
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
        outcome = "flagged_review";
      }
    } else outcome = (await removeExternalBusy(db, company.id, p.uid)) ? "external_removed" : "ignored_unknown";
  } else if (event.triggerEvent === "BOOKING_RESCHEDULED") {
    const mine = await ourPhase(db, company.id, p.rescheduleUid);
    if (mine) {
      if (p.rescheduledBy === RESCHEDULED_BY) outcome = "ignored_own";
      else {
        await flagReview(
          db,
          company,
          mine.appointment.id,
          "calcom_moved_externally",
          `Segment „${mine.phase.segmentName}“ wurde direkt in Cal.com verschoben. Bitte prüfen, welche Zeit gilt.`,
        );
        outcome = "flagged_review";
      }
    } else if (p.metadata?.crm_phase_id) {
      outcome = "ignored_own";
    } else {
      await removeExternalBusy(db, company.id, p.rescheduleUid);
      outcome = await upsertExternalBusy(db, company, p);
    }
  }
  await db.update(calcomWebhookEvents).set({ outcome }).where(eq(calcomWebhookEvents.id, stored.id));
  return { duplicate: false, outcome };
}

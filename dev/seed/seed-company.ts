import { hashPassword } from "better-auth/crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../lib/db/client";
import { appointmentPhases, appointments, calls, functionCalls, syncAttempts } from "../../lib/db/schema";
import { insertBusyForExistingAppointments } from "../../lib/booking/busy";
import { addMinutes } from "../../lib/time/zoned";
import type { DemoCompany } from "./catalog";
import { transcriptText } from "./conversations";
import { insertCompanyWithAdmin } from "./insert-company";
import { insertCustomers } from "./insert-customers";
import { eventTypeKey, insertServices } from "./insert-services";
import { insertStaff } from "./insert-staff";
import { planAppointments, type AppointmentDraft } from "./plan-appointments";
import { planCalls } from "./plan-calls";
import { createRandom } from "./random";
import type { Counters, SeedScope } from "./scope";

const chunk = <T>(items: T[], size = 400): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

export type GhostBooking = {
  phaseId: number;
  appointmentId: number;
  segmentKey: string;
  bookingId: number;
  uid: string;
  eventTypeId: number;
  hostUserId: number;
  start: Date;
  end: Date;
  attendee: { name: string; email: string | null; phoneNumber: string | null };
  createdAt: Date;
};

export type SeedResult = { companyId: string; adminEmail: string; appointments: number; calls: number; ghostBookings: GhostBooking[] };

export async function seedCompany(db: Db, def: DemoCompany, now: Date, counters: Counters): Promise<SeedResult> {
  const random = createRandom(def.randomSeed);
  const passwordHash = await hashPassword(def.admin.password);
  return db.transaction(async (tx) => {
    const companyId = await insertCompanyWithAdmin(tx, def, passwordHash);
    const scope: SeedScope = { tx, def, companyId, random };
    const staffIds = await insertStaff(scope);
    const { serviceIds, eventTypes } = await insertServices(scope, staffIds);
    const { list: customerList, ids: customerIds } = await insertCustomers(scope);

    const drafts = planAppointments(def, now, random, customerList);
    const callDrafts = planCalls(def, now, random, drafts, customerList);

    const callIds: number[] = [];
    for (const part of chunk(callDrafts)) {
      const rows = await tx
        .insert(calls)
        .values(
          part.map((c) => {
            const startedAt = new Date(c.endedAt.getTime() - c.durationSeconds * 1000);
            return {
              companyId,
              retellCallId: c.retellCallId,
              agentId: def.retellAgentId,
              customerId: c.customerIndex === null ? null : customerIds[c.customerIndex]!,
              fromNumber: c.fromNumber,
              toNumber: def.phoneNumber,
              direction: "inbound" as const,
              status: "ended" as const,
              startedAt,
              endedAt: c.endedAt,
              durationSeconds: c.durationSeconds,
              transcript: transcriptText(c.turns),
              transcriptObject: c.turns,
              summary: c.summary,
              sentiment: c.sentiment,
              disconnectionReason: random.chance(0.7) ? "agent_hangup" : "user_hangup",
              callSuccessful: c.successful,
              outcome: c.outcome,
              rawPayload: {
                call_id: c.retellCallId,
                agent_id: def.retellAgentId,
                call_type: "phone_call",
                direction: "inbound",
                from_number: c.fromNumber,
                to_number: def.phoneNumber,
                start_timestamp: startedAt.getTime(),
                end_timestamp: c.endedAt.getTime(),
              },
              createdAt: startedAt,
            };
          }),
        )
        .returning({ id: calls.id });
      callIds.push(...rows.map((r) => r.id));
    }
    const callIdByDraft = new Map<number, number>();
    callDrafts.forEach((c, i) => c.draftIndex !== null && callIdByDraft.set(c.draftIndex, callIds[i]!));

    const appointmentIds: number[] = [];
    for (const [partIndex, part] of chunk(drafts).entries()) {
      const rows = await tx
        .insert(appointments)
        .values(
          part.map((d, i) => {
            const index = partIndex * 400 + i;
            return {
              companyId,
              customerId: customerIds[d.customerIndex]!,
              serviceId: serviceIds.get(d.service.name)!,
              staffId: staffIds[d.staffIndex]!,
              callId: callIdByDraft.get(index) ?? null,
              startsAt: d.start,
              endsAt: d.end,
              status: d.status,
              source: d.voice ? "voice" : "admin",
              idempotencyKey: d.voice ? `${d.retellCallId}:${serviceIds.get(d.service.name)}:${d.start.toISOString()}` : null,
              calcomSyncStatus: d.sync,
              requiresManualReview: d.sync === "failed" || d.sync === "partial",
              syncErrorCode: d.managedParent ? "calcom_managed_parent" : d.sync === "failed" || d.sync === "partial" ? "calcom_conflict" : null,
              syncErrorMessage: d.managedParent
                ? `Der Cal.com-Ereignistyp ${def.managedParent!.eventTypeId} ist ein übergeordneter „Managed Event Type“ und kann nicht gebucht werden. Bitte unter Services die Ereignistypen provisionieren.`
                : d.sync === "failed"
                  ? "Cal.com hat alle Segmente abgelehnt: „User either already has booking at this time or is not available“"
                  : d.sync === "partial"
                    ? "Nicht alle Segmente konnten in Cal.com angelegt werden."
                    : null,
              syncVerifiedAt: d.sync === "synced" ? addMinutes(d.createdAt, 0.05) : null,
              cancelledAt: d.status === "cancelled" ? addMinutes(d.createdAt, random.int(60, 3000)) : null,
              createdAt: d.createdAt,
            };
          }),
        )
        .returning({ id: appointments.id });
      appointmentIds.push(...rows.map((r) => r.id));
    }

    type PhaseRow = typeof appointmentPhases.$inferInsert;
    type AttemptRow = typeof syncAttempts.$inferInsert;
    const phaseRows: PhaseRow[] = [];
    const attemptRows: AttemptRow[] = [];
    const ghostDrafts: { appointmentId: number; sequenceOrder: number; eventTypeId: number; start: Date; end: Date; segmentKey: string; draft: AppointmentDraft }[] = [];
    drafts.forEach((d, index) => {
      const appointmentId = appointmentIds[index]!;
      const customer = customerList[d.customerIndex]!;
      const requiredCount = d.phases.filter((p) => p.staffRequired).length;
      let requiredIndex = 0;
      for (const phase of d.phases) {
        const row: PhaseRow = {
          companyId,
          appointmentId,
          staffId: staffIds[d.staffIndex]!,
          segmentKey: phase.segmentKey,
          segmentName: phase.segmentName,
          startTime: phase.start,
          endTime: phase.end,
          durationMinutes: phase.durationMinutes,
          staffRequired: phase.staffRequired,
          sequenceOrder: phase.sequenceOrder,
          calcomSyncStatus: null,
        };
        if (phase.staffRequired) {
          const brokenPhase = d.managedParent && phase.segmentKey === def.managedParent!.segmentKey;
          const eventType = brokenPhase ? def.managedParent!.eventTypeId : eventTypes.get(eventTypeKey(d.service.name, phase.segmentKey, d.staffIndex))!;
          const synced = d.managedParent ? !brokenPhase : d.sync === "synced" || (d.sync === "partial" && requiredIndex < Math.ceil(requiredCount / 2));
          requiredIndex++;
          row.calcomEventTypeId = eventType;
          const latencyMs = random.int(180, 900);
          if (synced) {
            const bookingId = counters.bookingId++;
            const uid = random.base58(22);
            row.calcomBookingId = bookingId;
            row.calcomBookingUid = uid;
            row.calcomSyncStatus = d.status === "cancelled" ? "cancelled" : "synced";
            row.calcomMetadata = {
              eventTypeId: eventType,
              hostUserId: def.staff[d.staffIndex]!.calcomUserId,
              bookingCreatedAt: addMinutes(d.createdAt, 0.02).toISOString(),
              attendee: { name: customer.name, email: customer.email, phoneNumber: customer.phone },
              attempt: 1,
              latencyMs,
              apiVersion: "2024-08-13",
              syncedAt: addMinutes(d.createdAt, 0.03).toISOString(),
            };
            attemptRows.push({ companyId, appointmentId, action: "create", method: "POST", path: "/v2/bookings", httpStatus: 201, latencyMs, createdAt: addMinutes(d.createdAt, 0.02) });
          } else if (d.sync === "pending") {
            row.calcomSyncStatus = "pending";
          } else {
            // Cal.com's 400 for the create, with its own text; the phase keeps our message.
            const calcomMessage = brokenPhase
              ? `Event type with id=${eventType} is the parent managed event type that can't be booked. You have to provide the child event type id aka id of event type that has been assigned to one of the users.`
              : "User either already has booking at this time or is not available";
            row.calcomSyncStatus = "failed";
            row.syncErrorMessage = brokenPhase
              ? `Der Cal.com-Ereignistyp ${eventType} ist ein übergeordneter „Managed Event Type“ und kann nicht gebucht werden.`
              : calcomMessage;
            if (!brokenPhase && d.ghost) ghostDrafts.push({ appointmentId, sequenceOrder: phase.sequenceOrder, eventTypeId: eventType, start: phase.start, end: phase.end, segmentKey: phase.segmentKey, draft: d });
            attemptRows.push({
              companyId,
              appointmentId,
              action: "create",
              method: "POST",
              path: "/v2/bookings",
              httpStatus: 400,
              latencyMs,
              errorCode: "BadRequestException",
              errorMessage: calcomMessage,
              createdAt: addMinutes(d.createdAt, 0.02),
            });
          }
        }
        phaseRows.push(row);
      }
    });
    const phaseIds = new Map<string, number>();
    for (const part of chunk(phaseRows)) {
      const rows = await tx
        .insert(appointmentPhases)
        .values(part)
        .returning({ id: appointmentPhases.id, appointmentId: appointmentPhases.appointmentId, sequenceOrder: appointmentPhases.sequenceOrder });
      for (const r of rows) phaseIds.set(`${r.appointmentId}|${r.sequenceOrder}`, r.id);
    }
    // Seed 000: Cal.com answered 400 but created these bookings; only Cal.com knows them.
    const ghostBookings: GhostBooking[] = ghostDrafts.map((g) => {
      const customer = customerList[g.draft.customerIndex]!;
      return {
        phaseId: phaseIds.get(`${g.appointmentId}|${g.sequenceOrder}`)!,
        appointmentId: g.appointmentId,
        segmentKey: g.segmentKey,
        bookingId: counters.bookingId++,
        uid: random.base58(22),
        eventTypeId: g.eventTypeId,
        hostUserId: def.staff[g.draft.staffIndex]!.calcomUserId!,
        start: g.start,
        end: g.end,
        attendee: { name: customer.name, email: customer.email, phoneNumber: customer.phone },
        createdAt: addMinutes(g.draft.createdAt, 0.02),
      };
    });
    for (const part of chunk(attemptRows)) await tx.insert(syncAttempts).values(part);
    // As in seed 004: the appointment carries its first phase's booking.
    await tx.execute(sql`
      update appointments a
         set calcom_v2_booking_id = p.calcom_booking_id, calcom_v2_booking_uid = p.calcom_booking_uid
        from (select distinct on (appointment_id) appointment_id, calcom_booking_id, calcom_booking_uid
                from appointment_phases
               where company_id = ${companyId} and calcom_booking_id is not null
               order by appointment_id, sequence_order) p
       where a.id = p.appointment_id`);

    await insertBusyForExistingAppointments(tx, companyId);

    const functionRows = callDrafts.flatMap((c, i) =>
      c.functionCalls.map((f, n) => ({
        companyId,
        callId: callIds[i]!,
        name: f.name,
        args: f.args,
        result: f.name === "book_appointment" && c.draftIndex !== null ? { ...f.result, appointment_id: appointmentIds[c.draftIndex]! } : f.result,
        latencyMs: f.latencyMs,
        createdAt: new Date(c.endedAt.getTime() - c.durationSeconds * 1000 + (25 + n * 30) * 1000),
      })),
    );
    for (const part of chunk(functionRows)) await tx.insert(functionCalls).values(part);

    return { companyId, adminEmail: def.admin.email, appointments: drafts.length, calls: callDrafts.length, ghostBookings };
  });
}


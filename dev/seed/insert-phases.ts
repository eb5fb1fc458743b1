import { sql } from "drizzle-orm";
import type { PlannedPhase } from "../../lib/booking";
import { appointmentPhases, syncAttempts } from "../../lib/db";
import { addMinutes } from "../../lib/time";
import { ghostBookingsFor, phaseKey, type GhostBooking, type GhostPhase } from "./ghost-bookings";
import { eventTypeKey } from "./insert-services";
import type { DemoCustomer } from "./people";
import type { AppointmentDraft } from "./plan-appointments";
import { insertInParts, type Counters, type SeedScope } from "./scope";

type PhaseRow = typeof appointmentPhases.$inferInsert;
type AttemptRow = typeof syncAttempts.$inferInsert;
type Planned = { phases: PhaseRow[]; attempts: AttemptRow[]; ghosts: GhostPhase[] };

/** Ids and lists the phases refer to, by index into the definition, the customer list and the drafts. */
export type PhaseRefs = {
  staffIds: string[];
  eventTypes: Map<string, number>;
  customers: DemoCustomer[];
  appointmentIds: number[];
};

/** Phases with their Cal.com bookings and sync attempts; returns the bookings only Cal.com knows (seed 000). */
export async function insertPhases(
  scope: SeedScope,
  drafts: AppointmentDraft[],
  refs: PhaseRefs,
  counters: Counters,
): Promise<GhostBooking[]> {
  const { tx, companyId } = scope;
  const planned: Planned = { phases: [], attempts: [], ghosts: [] };
  drafts.forEach((d, index) => planPhaseRows(scope, d, refs.appointmentIds[index]!, refs, counters, planned));
  const inserted = await insertInParts(planned.phases, (part) =>
    tx.insert(appointmentPhases).values(part).returning({
      id: appointmentPhases.id,
      appointmentId: appointmentPhases.appointmentId,
      sequenceOrder: appointmentPhases.sequenceOrder,
    }),
  );
  const phaseIds = new Map(inserted.map((r) => [phaseKey(r.appointmentId, r.sequenceOrder), r.id]));
  const ghostBookings = ghostBookingsFor(scope, planned.ghosts, phaseIds, refs.customers, counters);
  await insertInParts(planned.attempts, (part) => tx.insert(syncAttempts).values(part));
  // As in seed 004: the appointment carries its first phase's booking.
  await tx.execute(sql`
    update appointments a
       set calcom_v2_booking_id = p.calcom_booking_id, calcom_v2_booking_uid = p.calcom_booking_uid
      from (select distinct on (appointment_id) appointment_id, calcom_booking_id, calcom_booking_uid
              from appointment_phases
             where company_id = ${companyId} and calcom_booking_id is not null
             order by appointment_id, sequence_order) p
     where a.id = p.appointment_id`);
  return ghostBookings;
}

function planPhaseRows(
  scope: SeedScope,
  d: AppointmentDraft,
  appointmentId: number,
  refs: PhaseRefs,
  counters: Counters,
  planned: Planned,
): void {
  const requiredCount = d.phases.filter((p) => p.staffRequired).length;
  let requiredIndex = 0;
  for (const phase of d.phases) {
    const row: PhaseRow = {
      companyId: scope.companyId,
      appointmentId,
      staffId: refs.staffIds[d.staffIndex]!,
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
      // A partial sync booked the first half of the staff-required segments.
      const firstHalf = requiredIndex++ < Math.ceil(requiredCount / 2);
      bookSegment(scope, { d, phase, row, appointmentId, firstHalf }, refs, counters, planned);
    }
    planned.phases.push(row);
  }
}

type Segment = { d: AppointmentDraft; phase: PlannedPhase; row: PhaseRow; appointmentId: number; firstHalf: boolean };

/** Fills in the phase's Cal.com side: its booking, or the 400 Cal.com answered; one sync attempt either way. */
function bookSegment(scope: SeedScope, s: Segment, refs: PhaseRefs, counters: Counters, planned: Planned): void {
  const { def, companyId, random } = scope;
  const { d, phase, row, appointmentId } = s;
  const brokenPhase = d.managedParent && phase.segmentKey === def.managedParent!.segmentKey;
  const eventType = brokenPhase
    ? def.managedParent!.eventTypeId
    : refs.eventTypes.get(eventTypeKey(d.service.name, phase.segmentKey, d.staffIndex))!;
  const synced = d.managedParent ? !brokenPhase : d.sync === "synced" || (d.sync === "partial" && s.firstHalf);
  row.calcomEventTypeId = eventType;
  const latencyMs = random.int(180, 900);
  const attempt = { companyId, appointmentId, action: "create", method: "POST", path: "/v2/bookings" } as const;
  const attemptedAt = addMinutes(d.createdAt, 0.02);
  if (synced) {
    row.calcomBookingId = counters.bookingId++;
    row.calcomBookingUid = random.base58(22);
    row.calcomSyncStatus = d.status === "cancelled" ? "cancelled" : "synced";
    const customer = refs.customers[d.customerIndex]!;
    row.calcomMetadata = {
      eventTypeId: eventType,
      hostUserId: def.staff[d.staffIndex]!.calcomUserId,
      bookingCreatedAt: attemptedAt.toISOString(),
      attendee: { name: customer.name, email: customer.email, phoneNumber: customer.phone },
      attempt: 1,
      latencyMs,
      apiVersion: "2024-08-13",
      syncedAt: addMinutes(d.createdAt, 0.03).toISOString(),
    };
    planned.attempts.push({ ...attempt, httpStatus: 201, latencyMs, createdAt: attemptedAt });
  } else if (d.sync === "pending") {
    row.calcomSyncStatus = "pending";
  } else {
    // Cal.com's 400 for the create, with its own text; the phase keeps our message.
    const calcomMessage = brokenPhase
      ? `Event type with id=${eventType} is the parent managed event type that can't be booked. ` +
        "You have to provide the child event type id aka id of event type that has been assigned to one of the users."
      : "User either already has booking at this time or is not available";
    row.calcomSyncStatus = "failed";
    row.syncErrorMessage = brokenPhase
      ? `Der Cal.com-Ereignistyp ${eventType} ist ein übergeordneter „Managed Event Type“ ` +
        "und kann nicht gebucht werden."
      : calcomMessage;
    if (!brokenPhase && d.ghost) {
      const { sequenceOrder, start, end, segmentKey } = phase;
      planned.ghosts.push({ appointmentId, sequenceOrder, eventTypeId: eventType, start, end, segmentKey, draft: d });
    }
    const error = { errorCode: "BadRequestException", errorMessage: calcomMessage };
    planned.attempts.push({ ...attempt, httpStatus: 400, latencyMs, ...error, createdAt: attemptedAt });
  }
}

import { addMinutes } from "../../lib/time";
import type { DemoCustomer } from "./people";
import type { AppointmentDraft } from "./plan-appointments";
import type { Counters, SeedScope } from "./scope";

/** A booking that exists only in Cal.com; the Cal.com simulator is told about these. */
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

/** A failed phase whose create Cal.com carried out anyway; it gets its booking once the phase has an id. */
export type GhostPhase = {
  appointmentId: number;
  sequenceOrder: number;
  eventTypeId: number;
  start: Date;
  end: Date;
  segmentKey: string;
  draft: AppointmentDraft;
};

export const phaseKey = (appointmentId: number, sequenceOrder: number) => `${appointmentId}|${sequenceOrder}`;

/** Seed 000: Cal.com answered 400 but created these bookings; only Cal.com knows them. */
export function ghostBookingsFor(
  { def, random }: SeedScope,
  ghosts: GhostPhase[],
  phaseIds: Map<string, number>,
  customers: DemoCustomer[],
  counters: Counters,
): GhostBooking[] {
  return ghosts.map((g) => {
    const customer = customers[g.draft.customerIndex]!;
    return {
      phaseId: phaseIds.get(phaseKey(g.appointmentId, g.sequenceOrder))!,
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
}

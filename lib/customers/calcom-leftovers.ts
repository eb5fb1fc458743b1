import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Ctx } from "../context";
import { appointmentPhases, appointments, type DbOrTx } from "../db";

/** A booking Cal.com may still hold about a customer: the operator deletes it there by its uid. */
export type CalcomLeftover = {
  appointmentId: number;
  startsAt: Date;
  status: string;
  /** "Termin" for the appointment's own v2 booking, else the phase's segment name. */
  what: string;
  bookingUid: string;
};

/** Every Cal.com booking uid recorded for the appointments of these customers, oldest first. */
export async function calcomLeftovers(db: DbOrTx, ctx: Pick<Ctx, "company">, customerIds: number[]) {
  if (customerIds.length === 0) return [];
  const mine = and(eq(appointments.companyId, ctx.company.id), inArray(appointments.customerId, customerIds));
  const [own, phases] = await Promise.all([
    db
      .select({
        appointmentId: appointments.id,
        startsAt: appointments.startsAt,
        status: appointments.status,
        bookingUid: appointments.calcomV2BookingUid,
      })
      .from(appointments)
      .where(and(mine, isNotNull(appointments.calcomV2BookingUid))),
    db
      .select({
        appointmentId: appointments.id,
        startsAt: appointmentPhases.startTime,
        status: appointments.status,
        what: appointmentPhases.segmentName,
        bookingUid: appointmentPhases.calcomBookingUid,
      })
      .from(appointmentPhases)
      .innerJoin(appointments, eq(appointments.id, appointmentPhases.appointmentId))
      .where(and(mine, isNotNull(appointmentPhases.calcomBookingUid)))
      .orderBy(asc(appointmentPhases.startTime)),
  ]);
  const rows: CalcomLeftover[] = [
    ...own.map((r) => ({ ...r, what: "Termin", bookingUid: r.bookingUid! })),
    ...phases.map((r) => ({ ...r, bookingUid: r.bookingUid! })),
  ];
  const seen = new Set<string>();
  return rows
    .filter((r) => (seen.has(r.bookingUid) ? false : (seen.add(r.bookingUid), true)))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.appointmentId - b.appointmentId);
}

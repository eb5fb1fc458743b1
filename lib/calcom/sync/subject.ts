import { and, asc, eq } from "drizzle-orm";
import { type DbOrTx, appointmentPhases, appointments, calcomEventMap, customers, services, staff } from "../../db";

export type SyncPhase = typeof appointmentPhases.$inferSelect;

/** Everything a sync of one appointment needs, loaded once. */
export async function loadSyncSubject(db: DbOrTx, companyId: string, appointmentId: number) {
  const [row] = await db
    .select({ appointment: appointments, service: services, staff, customer: customers })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(staff, eq(staff.id, appointments.staffId))
    .innerJoin(customers, eq(customers.id, appointments.customerId))
    .where(and(eq(appointments.companyId, companyId), eq(appointments.id, appointmentId)));
  if (!row) return null;
  const phases = await db
    .select()
    .from(appointmentPhases)
    .where(eq(appointmentPhases.appointmentId, appointmentId))
    .orderBy(asc(appointmentPhases.sequenceOrder));
  const maps = await db
    .select()
    .from(calcomEventMap)
    .where(and(eq(calcomEventMap.serviceId, row.service.id), eq(calcomEventMap.staffId, row.staff.id)));
  const eventTypeFor = (segmentKey: string): number | null => {
    const map = maps.find((m) => m.segmentKey === segmentKey);
    return map ? (map.childEventTypeId ?? map.eventTypeId) : null;
  };
  return { ...row, phases, required: phases.filter((p) => p.staffRequired), eventTypeFor };
}

export type SyncSubject = NonNullable<Awaited<ReturnType<typeof loadSyncSubject>>>;

/** Metadata every phase booking carries; verification and retries find our bookings by it. */
export const phaseMetadata = (subject: SyncSubject, phase: SyncPhase): Record<string, string> => ({
  crm_appointment_id: String(subject.appointment.id),
  crm_phase_id: String(phase.id),
  segment_key: phase.segmentKey,
});

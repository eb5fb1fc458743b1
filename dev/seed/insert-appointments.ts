import { appointments } from "../../lib/db";
import { addMinutes } from "../../lib/time";
import type { DemoCompany } from "./catalog";
import type { AppointmentDraft } from "./plan-appointments";
import { insertInParts, type SeedScope } from "./scope";

/** Row ids of the groups written before the appointments, by index into the definition and the customer list. */
export type AppointmentRefs = {
  staffIds: string[];
  serviceIds: Map<string, number>;
  customerIds: number[];
  callIdByDraft: Map<number, number>;
};

/** Appointments in draft order; returns their ids in that order. */
export async function insertAppointments(
  scope: SeedScope,
  drafts: AppointmentDraft[],
  refs: AppointmentRefs,
): Promise<number[]> {
  const rows = drafts.map((d, index) => appointmentRow(scope, d, index, refs));
  const inserted = await insertInParts(rows, (part) =>
    scope.tx.insert(appointments).values(part).returning({ id: appointments.id }),
  );
  return inserted.map((r) => r.id);
}

function appointmentRow(
  { def, companyId, random }: SeedScope,
  d: AppointmentDraft,
  index: number,
  refs: AppointmentRefs,
) {
  const serviceId = refs.serviceIds.get(d.service.name)!;
  const { code, message } = syncError(def, d);
  return {
    companyId,
    customerId: refs.customerIds[d.customerIndex]!,
    serviceId,
    staffId: refs.staffIds[d.staffIndex]!,
    callId: refs.callIdByDraft.get(index) ?? null,
    startsAt: d.start,
    endsAt: d.end,
    status: d.status,
    source: d.voice ? ("voice" as const) : ("admin" as const),
    idempotencyKey: d.voice ? `${d.retellCallId}:${serviceId}:${d.start.toISOString()}` : null,
    calcomSyncStatus: d.sync,
    requiresManualReview: d.sync === "failed" || d.sync === "partial",
    syncErrorCode: code,
    syncErrorMessage: message,
    syncVerifiedAt: d.sync === "synced" ? addMinutes(d.createdAt, 0.05) : null,
    cancelledAt: d.status === "cancelled" ? addMinutes(d.createdAt, random.int(60, 3000)) : null,
    createdAt: d.createdAt,
  };
}

function syncError(def: DemoCompany, d: AppointmentDraft): { code: string | null; message: string | null } {
  if (d.managedParent) {
    return {
      code: "calcom_managed_parent",
      message:
        `Der Cal.com-Ereignistyp ${def.managedParent!.eventTypeId} ist ein übergeordneter „Managed Event Type“ ` +
        "und kann nicht gebucht werden. Bitte unter Services die Ereignistypen provisionieren.",
    };
  }
  if (d.sync === "failed") {
    return {
      code: "calcom_conflict",
      message:
        "Cal.com hat alle Segmente abgelehnt: " + "„User either already has booking at this time or is not available“",
    };
  }
  if (d.sync === "partial") {
    return { code: "calcom_conflict", message: "Nicht alle Segmente konnten in Cal.com angelegt werden." };
  }
  return { code: null, message: null };
}

import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import {
  type DbOrTx,
  appointmentPhases,
  appointments,
  calcomEventMap,
  customers,
  externalBusyTimes,
  services,
  slotHolds,
  staff,
  staffBusyIntervals,
  staffServices,
  staffWorkingHours,
} from "../db";
import { AppError, parseInput, pgErrorCode } from "../errors";
import { changingCatalog } from "../catalog";
import { serverNow } from "../time";
import { refreshPersonGroups } from "./person-groups";

export const mergeInput = z
  .object({ survivorId: z.string().uuid(), duplicateId: z.string().uuid() })
  .refine((v) => v.survivorId !== v.duplicateId, "Ein Mitarbeiter kann nicht mit sich selbst zusammengeführt werden");

export type MergePreview = {
  survivor: { id: string; name: string };
  duplicate: { id: string; name: string };
  moves: {
    appointments: number;
    phases: number;
    eventMaps: number;
    eventMapsDropped: number;
    workingHours: number;
    services: number;
    holds: number;
    externalBusy: number;
  };
  /**
   * Upcoming appointments of the two records that overlap (or an appointment and a caller's hold);
   * any → the merge is refused until the admin gives one of each pair to someone else, moves or
   * cancels it. Past overlaps do not block: they are history.
   */
  conflicts: MergeConflict[];
};

export type ConflictAppointment = {
  id: number;
  start: Date;
  end: Date;
  staffId: string;
  serviceName: string;
  customerName: string;
};

export type MergeConflict = {
  duplicateAppointmentId: number;
  survivorAppointmentId: number | null;
  start: Date;
  /** The appointments of the pair (one when the survivor's side is a hold). */
  appointments: ConflictAppointment[];
};

async function loadPair(db: DbOrTx, companyId: string, survivorId: string, duplicateId: string, lock: boolean) {
  const query = db
    .select()
    .from(staff)
    .where(and(eq(staff.companyId, companyId), inArray(staff.id, [survivorId, duplicateId])))
    .orderBy(staff.id);
  const rows = lock ? await query.for("update") : await query;
  const survivor = rows.find((r) => r.id === survivorId);
  const duplicate = rows.find((r) => r.id === duplicateId);
  if (!survivor || !duplicate) throw new AppError("NOT_FOUND", "Mitarbeiter nicht gefunden");
  if (survivor.mergedInto || duplicate.mergedInto)
    throw new AppError("CONFLICT", "Einer der Datensätze wurde bereits zusammengeführt");
  return { survivor, duplicate };
}

async function collectPreview(
  db: DbOrTx,
  survivorId: string,
  duplicateId: string,
): Promise<MergePreview["moves"] & { conflicts: MergePreview["conflicts"] }> {
  const d = duplicateId;
  const s = survivorId;
  const [counts] = await db.execute<MergePreview["moves"]>(sql`
    select
      (select count(*) from appointments where staff_id = ${d})::int as "appointments",
      (select count(*) from appointment_phases where staff_id = ${d})::int as "phases",
      (select count(*) from calcom_event_map x where x.staff_id = ${d} and not exists
         (select 1 from calcom_event_map y where y.staff_id = ${s} and y.service_id = x.service_id and y.segment_key = x.segment_key))::int as "eventMaps",
      (select count(*) from calcom_event_map x where x.staff_id = ${d} and exists
         (select 1 from calcom_event_map y where y.staff_id = ${s} and y.service_id = x.service_id and y.segment_key = x.segment_key))::int as "eventMapsDropped",
      (select count(*) from staff_working_hours x where x.staff_id = ${d} and not exists
         (select 1 from staff_working_hours y where y.staff_id = ${s} and y.weekday = x.weekday))::int as "workingHours",
      (select count(*) from staff_services x where x.staff_id = ${d} and not exists
         (select 1 from staff_services y where y.staff_id = ${s} and y.service_id = x.service_id))::int as "services",
      (select count(*) from slot_holds where staff_id = ${d} and status = 'active')::int as "holds",
      (select count(*) from external_busy_times where staff_id = ${d})::int as "externalBusy"`);
  const now = sql`${serverNow().toISOString()}::timestamptz`;
  const pairs = await db.execute<{
    duplicate_appointment_id: number;
    survivor_appointment_id: number | null;
  }>(sql`
    select distinct d.appointment_id as duplicate_appointment_id, s.appointment_id as survivor_appointment_id
      from staff_busy_intervals d
      join staff_busy_intervals s on s.staff_id = ${survivorId} and s.during && d.during
     where d.staff_id = ${duplicateId} and d.kind = 'appointment' and (s.kind = 'appointment' or s.expires_at > now())
       and upper(d.during) > ${now} and upper(s.during) > ${now}`);
  const ids = [...new Set(pairs.flatMap((p) => [p.duplicate_appointment_id, p.survivor_appointment_id]))]
    .filter((id) => id !== null)
    .map(Number);
  const details = ids.length
    ? await db
        .select({
          id: appointments.id,
          start: appointments.startsAt,
          end: appointments.endsAt,
          staffId: appointments.staffId,
          serviceName: services.name,
          customerName: customers.name,
        })
        .from(appointments)
        .innerJoin(services, eq(services.id, appointments.serviceId))
        .innerJoin(customers, eq(customers.id, appointments.customerId))
        .where(inArray(appointments.id, ids))
    : [];
  const byId = new Map(details.map((d) => [d.id, d]));
  const conflicts = pairs
    .map((p) => {
      const own = byId.get(Number(p.duplicate_appointment_id))!;
      const other = p.survivor_appointment_id === null ? undefined : byId.get(Number(p.survivor_appointment_id));
      return {
        duplicateAppointmentId: own.id,
        survivorAppointmentId: other?.id ?? null,
        start: own.start,
        appointments: other ? [other, own] : [own],
      };
    })
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.duplicateAppointmentId - b.duplicateAppointmentId);
  return { ...counts!, conflicts };
}

/** What a merge would move, and whether it would create overlaps. Nothing is written. */
export async function previewStaffMerge({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof mergeInput>;
}): Promise<MergePreview> {
  const data = parseInput(mergeInput, input);
  const { survivor, duplicate } = await loadPair(ctx.db, ctx.company.id, data.survivorId, data.duplicateId, false);
  const { conflicts, ...moves } = await collectPreview(ctx.db, survivor.id, duplicate.id);
  return {
    survivor: { id: survivor.id, name: survivor.name },
    duplicate: { id: duplicate.id, name: duplicate.name },
    moves,
    conflicts,
  };
}

/**
 * Merges a duplicate staff record into the surviving one in one transaction: appointments,
 * phases, busy time, holds, Cal.com mappings, services and working hours move; the duplicate is
 * marked merged_into. Refused (nothing changes) when appointments would overlap.
 */
export async function mergeStaff({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof mergeInput>;
}): Promise<MergePreview> {
  const data = parseInput(mergeInput, input);
  try {
    return await changingCatalog(ctx, () =>
      ctx.db.transaction(async (tx) => {
        const { survivor, duplicate } = await loadPair(tx, ctx.company.id, data.survivorId, data.duplicateId, true);
        const { conflicts, ...moves } = await collectPreview(tx, survivor.id, duplicate.id);
        if (conflicts.length > 0) {
          throw new AppError(
            "CONFLICT",
            `Zusammenführen nicht möglich: ${conflicts.length} Termine würden sich überschneiden`,
            { conflicts },
          );
        }
        const from = duplicate.id;
        const to = survivor.id;
        await tx.execute(
          sql`delete from staff_busy_intervals where staff_id = ${from} and kind = 'hold' and expires_at <= now()`,
        );
        // Past overlaps are history; their busy rows no longer guard anything and would collide on the survivor.
        const now = sql`${serverNow().toISOString()}::timestamptz`;
        await tx.execute(sql`delete from staff_busy_intervals d where d.staff_id = ${from} and upper(d.during) <= ${now}
          and exists (select 1 from staff_busy_intervals s where s.staff_id = ${to} and s.during && d.during)`);
        await tx.update(staffBusyIntervals).set({ staffId: to }).where(eq(staffBusyIntervals.staffId, from));
        await tx.update(appointments).set({ staffId: to }).where(eq(appointments.staffId, from));
        await tx.update(appointmentPhases).set({ staffId: to }).where(eq(appointmentPhases.staffId, from));
        await tx.update(slotHolds).set({ staffId: to }).where(eq(slotHolds.staffId, from));
        await tx.update(externalBusyTimes).set({ staffId: to }).where(eq(externalBusyTimes.staffId, from));
        await tx.execute(sql`delete from calcom_event_map d where d.staff_id = ${from}
        and exists (select 1 from calcom_event_map s where s.staff_id = ${to} and s.service_id = d.service_id and s.segment_key = d.segment_key)`);
        await tx.update(calcomEventMap).set({ staffId: to }).where(eq(calcomEventMap.staffId, from));
        await tx.execute(sql`delete from staff_services d where d.staff_id = ${from}
        and exists (select 1 from staff_services s where s.staff_id = ${to} and s.service_id = d.service_id)`);
        await tx.update(staffServices).set({ staffId: to }).where(eq(staffServices.staffId, from));
        await tx.execute(sql`delete from staff_working_hours d where d.staff_id = ${from}
        and exists (select 1 from staff_working_hours s where s.staff_id = ${to} and s.weekday = d.weekday)`);
        await tx.update(staffWorkingHours).set({ staffId: to }).where(eq(staffWorkingHours.staffId, from));
        await tx
          .update(staff)
          .set({
            email: survivor.email ?? duplicate.email,
            phone: survivor.phone ?? duplicate.phone,
            calcomUserId: survivor.calcomUserId ?? duplicate.calcomUserId,
          })
          .where(eq(staff.id, to));
        await tx.update(staff).set({ mergedInto: to, active: false }).where(eq(staff.id, from));
        await refreshPersonGroups(tx, ctx.company.id);
        return {
          survivor: { id: to, name: survivor.name },
          duplicate: { id: from, name: duplicate.name },
          moves,
          conflicts: [],
        };
      }),
    );
  } catch (error) {
    if (pgErrorCode(error) === "23P01")
      throw new AppError("CONFLICT", "Zusammenführen nicht möglich: Termine würden sich überschneiden");
    throw error;
  }
}

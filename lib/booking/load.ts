import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { serviceSegments, services, staff, staffServices, staffWorkingHours } from "../db/schema";
import { AppError } from "../errors";
import type { ServiceDefinition } from "./phases";

export type LoadedService = ServiceDefinition & { id: number; active: boolean };

export async function loadService(db: DbOrTx, companyId: string, serviceId: number): Promise<LoadedService> {
  const row = await db.query.services.findFirst({
    where: and(eq(services.companyId, companyId), eq(services.id, serviceId)),
    with: { segments: { orderBy: [asc(serviceSegments.sequenceOrder)] } },
  });
  if (!row) throw new AppError("NOT_FOUND", "Service nicht gefunden", { serviceId });
  return {
    id: row.id,
    name: row.name,
    durationMinutes: row.durationMinutes,
    composite: row.composite,
    active: row.active,
    segments: row.segments.map((s) => ({
      key: s.key,
      name: s.name,
      durationMinutes: s.durationMinutes,
      staffRequired: s.staffRequired,
      sequenceOrder: s.sequenceOrder,
    })),
  };
}

export type QualifiedStaff = { id: string; name: string; hours: { weekday: number; start: string; end: string }[] };

/** Active, unmerged staff of the company who perform the service, with their working hours. */
export async function loadQualifiedStaff(db: DbOrTx, companyId: string, serviceId: number, staffIds?: string[]): Promise<QualifiedStaff[]> {
  const members = await db
    .select({ id: staff.id, name: staff.name })
    .from(staff)
    .innerJoin(staffServices, and(eq(staffServices.staffId, staff.id), eq(staffServices.serviceId, serviceId)))
    .where(
      and(
        eq(staff.companyId, companyId),
        eq(staff.active, true),
        isNull(staff.mergedInto),
        staffIds ? inArray(staff.id, staffIds) : undefined,
      ),
    )
    .orderBy(asc(staff.name), asc(staff.id));
  if (members.length === 0) return [];
  const hours = await db
    .select()
    .from(staffWorkingHours)
    .where(inArray(staffWorkingHours.staffId, members.map((m) => m.id)));
  return members.map((m) => ({
    ...m,
    hours: hours
      .filter((h) => h.staffId === m.id)
      .map((h) => ({ weekday: h.weekday, start: h.startTime.slice(0, 5), end: h.endTime.slice(0, 5) })),
  }));
}

import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { type DbOrTx, serviceSegments, services, staff, staffServices } from "../db";
import { AppError, pgErrorCode } from "../errors";
import type { ServiceData } from "./service-input";

/** Shared by createService and updateService; every helper runs inside their transaction. */

export const duplicateName = (name: string) =>
  new AppError("CONFLICT", `Es gibt bereits eine Leistung „${name}“. Bitte einen anderen Namen wählen.`);

export async function assertUniqueName(tx: DbOrTx, companyId: string, name: string, exceptId?: number): Promise<void> {
  const same = await tx
    .select({ id: services.id })
    .from(services)
    .where(
      and(
        eq(services.companyId, companyId),
        sql`lower(${services.name}) = lower(${name})`,
        exceptId ? ne(services.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (same.length) throw duplicateName(name);
}

/** Only the company's active, unmerged staff can be assigned; anything else is not there (404). */
export async function assertAssignableStaff(tx: DbOrTx, companyId: string, staffIds: string[]): Promise<void> {
  if (!staffIds.length) return;
  const found = await tx
    .select({ id: staff.id })
    .from(staff)
    .where(
      and(
        eq(staff.companyId, companyId),
        inArray(staff.id, staffIds),
        eq(staff.active, true),
        isNull(staff.mergedInto),
      ),
    );
  if (found.length !== staffIds.length) throw new AppError("NOT_FOUND", "Mitarbeiter nicht gefunden");
}

export function serviceColumns(data: ServiceData) {
  const minutes = data.composite ? data.segments.reduce((sum, s) => sum + s.durationMinutes, 0) : data.durationMinutes;
  return {
    name: data.name,
    synonyms: data.synonyms,
    priceCents: data.price ?? null,
    active: data.active,
    composite: data.composite,
    durationMinutes: minutes,
  };
}

/**
 * Replaces the segments (sequence 1..n) and the links to active staff. Links to inactive staff stay:
 * the form does not show them, so it cannot mean to remove them.
 */
export async function writeChildren(
  tx: DbOrTx,
  companyId: string,
  serviceId: number,
  data: ServiceData,
): Promise<void> {
  await tx.delete(serviceSegments).where(eq(serviceSegments.serviceId, serviceId));
  if (data.composite) {
    await tx.insert(serviceSegments).values(
      data.segments.map((s, i) => ({
        companyId,
        serviceId,
        key: s.key,
        name: s.name,
        durationMinutes: s.durationMinutes,
        staffRequired: s.staffRequired,
        sequenceOrder: i + 1,
      })),
    );
  }
  const assignable = tx
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.companyId, companyId), eq(staff.active, true), isNull(staff.mergedInto)));
  await tx
    .delete(staffServices)
    .where(and(eq(staffServices.serviceId, serviceId), inArray(staffServices.staffId, assignable)));
  if (data.staffIds.length) {
    await tx.insert(staffServices).values(data.staffIds.map((staffId) => ({ companyId, staffId, serviceId })));
  }
}

/** A concurrent save with the same name loses at the unique index; say so like the pre-check does. */
export function mapWriteError(error: unknown, name: string): unknown {
  return pgErrorCode(error) === "23505" ? duplicateName(name) : error;
}

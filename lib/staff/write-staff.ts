import { and, eq, inArray } from "drizzle-orm";
import { type DbOrTx, services, staff, staffServices, staffWorkingHours } from "../db";
import { AppError } from "../errors";
import type { WorkingRange } from "./staff-input";

/** The company's staff record, locked for the write; another salon's id is simply not found. */
export async function lockStaff(tx: DbOrTx, companyId: string, id: string) {
  const [row] = await tx
    .select()
    .from(staff)
    .where(and(eq(staff.companyId, companyId), eq(staff.id, id)))
    .for("update");
  if (!row) throw new AppError("NOT_FOUND", "Mitarbeiter nicht gefunden", { staffId: id });
  if (row.mergedInto) throw new AppError("CONFLICT", "Dieser Eintrag wurde in einen anderen zusammengeführt");
  return row;
}

export async function replaceServices(tx: DbOrTx, companyId: string, staffId: string, serviceIds: number[]) {
  if (serviceIds.length > 0) {
    const known = await tx
      .select({ id: services.id })
      .from(services)
      .where(and(eq(services.companyId, companyId), inArray(services.id, serviceIds)));
    if (known.length !== serviceIds.length)
      throw new AppError("VALIDATION", "Unbekannte Leistung – bitte die Seite neu laden", {
        issues: [{ path: "serviceIds", message: "Unbekannte Leistung – bitte die Seite neu laden" }],
      });
  }
  await tx.delete(staffServices).where(eq(staffServices.staffId, staffId));
  if (serviceIds.length > 0)
    await tx.insert(staffServices).values(serviceIds.map((serviceId) => ({ companyId, staffId, serviceId })));
}

export async function replaceHours(tx: DbOrTx, companyId: string, staffId: string, hours: WorkingRange[]) {
  await tx.delete(staffWorkingHours).where(eq(staffWorkingHours.staffId, staffId));
  if (hours.length > 0)
    await tx
      .insert(staffWorkingHours)
      .values(hours.map((h) => ({ companyId, staffId, weekday: h.weekday, startTime: h.start, endTime: h.end })));
}

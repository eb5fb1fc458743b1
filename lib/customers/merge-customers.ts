import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { appointments, calls, customers } from "../db";
import { AppError, parseInput } from "../errors";
import { customerId } from "./customer-id";

const mergeInput = z
  .object({ survivorId: customerId, duplicateId: customerId })
  .refine((v) => v.survivorId !== v.duplicateId, "Ein Eintrag kann nicht mit sich selbst zusammengeführt werden.");

/**
 * Two records of one person become one: the duplicate's appointments and calls move to the survivor,
 * its notes are appended and its contact data fills gaps; the duplicate row stays, pointing at the survivor.
 */
export async function mergeCustomers({ ctx, input }: { ctx: Ctx; input: z.input<typeof mergeInput> }) {
  const data = parseInput(mergeInput, input);
  return ctx.db.transaction(async (tx) => {
    // Both rows locked in id order, so two merges of the same pair wait for each other instead of deadlocking.
    const rows = await tx
      .select()
      .from(customers)
      .where(and(eq(customers.companyId, ctx.company.id), inArray(customers.id, [data.survivorId, data.duplicateId])))
      .orderBy(asc(customers.id))
      .for("update");
    const survivor = rows.find((r) => r.id === data.survivorId);
    const duplicate = rows.find((r) => r.id === data.duplicateId);
    if (!survivor || !duplicate) {
      throw new AppError("NOT_FOUND", "Kunde nicht gefunden – nur Kunden dieses Salons können zusammengeführt werden.");
    }
    const merged = rows.find((r) => r.mergedInto !== null);
    if (merged)
      throw new AppError("CONFLICT", `„${merged.name}“ wurde bereits mit einem anderen Eintrag zusammengeführt.`);
    if (rows.some((r) => r.erasedAt)) {
      throw new AppError("CONFLICT", "Gelöschte Kunden können nicht zusammengeführt werden.");
    }
    const now = new Date();
    const movedAppointments = await tx
      .update(appointments)
      .set({ customerId: survivor.id, updatedAt: now })
      .where(and(eq(appointments.companyId, ctx.company.id), eq(appointments.customerId, duplicate.id)))
      .returning({ id: appointments.id });
    const movedCalls = await tx
      .update(calls)
      .set({ customerId: survivor.id, updatedAt: now })
      .where(and(eq(calls.companyId, ctx.company.id), eq(calls.customerId, duplicate.id)))
      .returning({ id: calls.id });
    // Records flagged as possible duplicates of the merged one now point at the survivor.
    await tx
      .update(customers)
      .set({ possibleDuplicateOf: survivor.id })
      .where(and(eq(customers.companyId, ctx.company.id), eq(customers.possibleDuplicateOf, duplicate.id)));
    const notes = [survivor.notes, duplicate.notes].filter((n) => n?.trim()).join("\n\n") || null;
    await tx
      .update(customers)
      .set({
        phone: survivor.phone ?? duplicate.phone,
        email: survivor.email ?? duplicate.email,
        notes,
        possibleDuplicateOf: [duplicate.id, survivor.id].includes(survivor.possibleDuplicateOf ?? 0)
          ? null
          : survivor.possibleDuplicateOf,
        updatedAt: now,
      })
      .where(eq(customers.id, survivor.id));
    await tx
      .update(customers)
      .set({ mergedInto: survivor.id, possibleDuplicateOf: null, updatedAt: now })
      .where(eq(customers.id, duplicate.id));
    return {
      survivorId: survivor.id,
      survivorName: survivor.name,
      duplicateName: duplicate.name,
      moved: { appointments: movedAppointments.length, calls: movedCalls.length },
    };
  });
}

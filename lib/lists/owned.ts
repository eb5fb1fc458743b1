import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { appointments, calls } from "../db";

/** Cheap ownership checks for detail routes: another company's id is simply not there (404). */
export async function ownsAppointment(ctx: Ctx, id: number): Promise<boolean> {
  const rows = await ctx.db
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.companyId, ctx.company.id), eq(appointments.id, id)))
    .limit(1);
  return rows.length === 1;
}

export async function ownsCall(ctx: Ctx, id: number): Promise<boolean> {
  const rows = await ctx.db
    .select({ id: calls.id })
    .from(calls)
    .where(and(eq(calls.companyId, ctx.company.id), eq(calls.id, id)))
    .limit(1);
  return rows.length === 1;
}

export const positiveId = (raw: string): number | null => {
  const id = Number(raw);
  return /^\d+$/.test(raw) && Number.isSafeInteger(id) && id > 0 ? id : null;
};

import { inArray, sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { appointments, salonSpecialDays } from "../db";
import { parseInput } from "../errors";
import { serverNow } from "../time";
import { type AffectedAppointment, closureConflicts } from "./closure-conflicts";
import { forgetSalonCalendar } from "./salon-calendar";
import { type SaveSpecialDaysInput, saveSpecialDaysInput } from "./special-day-input";

export type SaveSpecialDaysResult =
  | { saved: true; days: number; flagged: AffectedAppointment[] }
  /** Not written: these appointments would fall into the closure; the admin confirms first. */
  | { saved: false; affected: AffectedAppointment[] };

/**
 * Sets special hours (empty: closed) on one day or each day of a from–to range, replacing what
 * those days had. Appointments that no longer fit are never cancelled: without `confirm` nothing is
 * written and they are returned for the admin to see; with it they are marked for a follow-up call.
 */
export async function saveSpecialDays({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: SaveSpecialDaysInput;
}): Promise<SaveSpecialDaysResult> {
  const { days, hours, reason, confirm } = parseInput(saveSpecialDaysInput, input);
  try {
    return await ctx.db.transaction(async (tx) => {
      const txCtx = { ...ctx, db: tx };
      const affected = await closureConflicts(txCtx, days, hours, true);
      if (affected.length > 0 && !confirm) return { saved: false, affected };
      await tx
        .insert(salonSpecialDays)
        .values(days.map((day) => ({ companyId: ctx.company.id, day, hours, reason })))
        .onConflictDoUpdate({
          target: [salonSpecialDays.companyId, salonSpecialDays.day],
          set: { hours, reason, updatedAt: sql`now()` },
        });
      if (affected.length > 0) {
        const why = reason ? `Salon geschlossen/geänderte Zeiten: ${reason}` : "Salon geschlossen/geänderte Zeiten";
        await tx
          .update(appointments)
          .set({ followUpReason: why, followUpAt: serverNow() })
          .where(
            inArray(
              appointments.id,
              affected.map((a) => a.id),
            ),
          );
      }
      return { saved: true, days: days.length, flagged: affected };
    });
  } finally {
    forgetSalonCalendar(ctx.company.id);
  }
}

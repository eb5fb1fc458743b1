import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import type { DbOrTx } from "../db/client";
import { slotHolds, staffBusyIntervals } from "../db/schema";
import { AppError, parseInput, pgErrorCode } from "../errors";
import { retryOnSerializationFailure } from "../db/retry";
import { dropExpiredHolds, insertBusy, lockStaff } from "./busy";
import { type LoadedService, loadService } from "./load";
import { planPhases } from "./phases";

export const holdInput = z.object({
  callId: z.number().int().positive(),
  serviceId: z.number().int().positive(),
  staffId: z.string().uuid(),
  start: z.date(),
});

export type Hold = { id: number; staffId: string; start: Date; end: Date; expiresAt: Date };

/** Ends the call's active hold(s) for a service: `consumed` when booked, `released` when replaced. */
export async function endActiveHolds(
  tx: DbOrTx,
  input: { callId: number; serviceId: number; status: "consumed" | "released"; match?: { staffId: string; start: Date } },
): Promise<{ consumed: boolean }> {
  const active = await tx
    .select({ id: slotHolds.id, staffId: slotHolds.staffId, startsAt: slotHolds.startsAt })
    .from(slotHolds)
    .where(and(eq(slotHolds.callId, input.callId), eq(slotHolds.serviceId, input.serviceId), eq(slotHolds.status, "active")))
    .for("update");
  let consumed = false;
  for (const hold of active) {
    const matches = input.match && hold.staffId === input.match.staffId && hold.startsAt.getTime() === input.match.start.getTime();
    const status = input.status === "consumed" && matches ? "consumed" : "released";
    consumed ||= status === "consumed";
    await tx.delete(staffBusyIntervals).where(eq(staffBusyIntervals.holdId, hold.id));
    await tx.update(slotHolds).set({ status }).where(eq(slotHolds.id, hold.id));
  }
  return { consumed };
}

/**
 * Reserves a slot for a call until the company's hold time runs out: other calls see it as taken.
 * A call keeps one hold per service; a new one replaces the old. Taken → SLOT_TAKEN.
 */
export async function holdSlot({ ctx, input, service: loaded }: { ctx: Ctx; input: z.input<typeof holdInput>; service?: LoadedService }): Promise<Hold> {
  const data = parseInput(holdInput, input);
  const { company } = ctx;
  const service = loaded?.id === data.serviceId ? loaded : await loadService(ctx.db, company.id, data.serviceId);
  const phases = planPhases(service, data.start);
  const end = phases[phases.length - 1]!.end;
  try {
    return await retryOnSerializationFailure(() => ctx.db.transaction(async (tx) => {
      await lockStaff(tx, data.staffId);
      await dropExpiredHolds(tx, [data.staffId]);
      await endActiveHolds(tx, { callId: data.callId, serviceId: service.id, status: "released" });
      const [hold] = await tx
        .insert(slotHolds)
        .values({
          companyId: company.id,
          callId: data.callId,
          serviceId: service.id,
          staffId: data.staffId,
          startsAt: data.start,
          endsAt: end,
          expiresAt: sql`now() + make_interval(mins => ${company.holdMinutes})`,
        })
        .returning();
      await insertBusy(tx, { companyId: company.id, staffId: data.staffId, kind: "hold", holdId: hold!.id, expiresAt: hold!.expiresAt }, phases, company.allowGapBooking);
      return { id: hold!.id, staffId: data.staffId, start: data.start, end, expiresAt: hold!.expiresAt };
    }));
  } catch (error) {
    if (pgErrorCode(error) === "23P01") throw new AppError("SLOT_TAKEN", "Der Termin ist inzwischen vergeben", { staffId: data.staffId, start: data.start });
    throw error;
  }
}

/** Scheduled clean-up: expired holds are marked expired and their busy rows removed. */
export async function purgeExpiredHolds(db: DbOrTx): Promise<number> {
  const dropped = await dropExpiredHolds(db);
  const rows = await db.execute<{ id: number }>(sql`update slot_holds set status = 'expired' where status = 'active' and expires_at <= now() returning id`);
  return dropped + rows.length;
}

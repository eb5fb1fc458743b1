import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { type DbOrTx, retryOnSerializationFailure } from "../db";
import { AppError, parseInput, pgErrorCode } from "../errors";
import { dropExpiredHolds, lockStaff } from "./busy";
import { type LoadedService, serviceBasis } from "../catalog";
import { blockingIntervals, planPhases } from "./phases";

export const holdInput = z.object({
  callId: z.number().int().positive(),
  serviceId: z.number().int().positive(),
  staffId: z.string().uuid(),
  start: z.date(),
});

export type Hold = { id: number; staffId: string; start: Date; end: Date; expiresAt: Date };

/**
 * Ends the call's active hold(s) for a service — and any other hold of the call on that stylist
 * overlapping `overlapping` (the caller changed the service at that minute) — `consumed` when
 * booked, `released` when replaced. One statement.
 */
export function endActiveHolds(
  tx: DbOrTx,
  input: {
    callId: number;
    serviceId: number;
    status: "consumed" | "released";
    match?: { staffId: string; start: Date };
    overlapping?: { staffId: string; start: Date; end: Date };
  },
): Promise<{ consumed: boolean }> {
  const o = input.overlapping;
  const alsoOverlapping = o
    ? sql`or (staff_id = ${o.staffId}::uuid and tstzrange(starts_at, ends_at) && tstzrange(${o.start.toISOString()}::timestamptz, ${o.end.toISOString()}::timestamptz))`
    : sql``;
  const consumes =
    input.status === "consumed" && input.match
      ? sql`staff_id = ${input.match.staffId}::uuid and starts_at = ${input.match.start.toISOString()}::timestamptz`
      : sql`false`;
  return tx
    .execute<{ consumed: boolean }>(
      sql`
    with mine as (
      select id from slot_holds where call_id = ${input.callId} and status = 'active'
         and (service_id = ${input.serviceId} ${alsoOverlapping}) for update
    ), freed as (
      delete from staff_busy_intervals where hold_id in (select id from mine)
    ), ended as (
      update slot_holds set status = (case when ${consumes} then 'consumed' else 'released' end)::hold_status
       where id in (select id from mine) returning status
    )
    select coalesce(bool_or(status = 'consumed'), false) as consumed from ended`,
    )
    .then((rows) => ({ consumed: Boolean(rows[0]?.consumed) }));
}

/**
 * Reserves a slot for a call until the company's hold time runs out: other calls see it as taken.
 * A call keeps one hold per service; a new one replaces the old. Taken → SLOT_TAKEN. Lock, clean-up
 * and the insert of the hold with its busy rows go out together (pipelined on the transaction's
 * connection) and run in this order.
 */
export async function holdSlot({
  ctx,
  input,
  service: loaded,
}: {
  ctx: Ctx;
  input: z.input<typeof holdInput>;
  service?: LoadedService;
}): Promise<Hold> {
  const data = parseInput(holdInput, input);
  const { company } = ctx;
  const service = loaded?.id === data.serviceId ? loaded : (await serviceBasis(ctx, data.serviceId)).service;
  const phases = planPhases(service, data.start);
  const end = phases[phases.length - 1]!.end;
  const ranges = blockingIntervals(phases, company.allowGapBooking).map(
    (b) => `[${b.start.toISOString()},${b.end.toISOString()})`,
  );
  try {
    return await retryOnSerializationFailure(() =>
      ctx.db.transaction(async (tx) => {
        const [, , , rows] = await Promise.all([
          lockStaff(tx, data.staffId),
          dropExpiredHolds(tx, { companyId: company.id, staffIds: [data.staffId] }),
          endActiveHolds(tx, {
            callId: data.callId,
            serviceId: service.id,
            status: "released",
            overlapping: { staffId: data.staffId, start: data.start, end },
          }),
          tx
            .execute<{ id: number; expires_at: Date | string }>(
              sql`
          with hold as (
            insert into slot_holds (company_id, call_id, service_id, staff_id, starts_at, ends_at, expires_at, status)
            values (${company.id}::uuid, ${data.callId}, ${service.id}, ${data.staffId}::uuid, ${data.start.toISOString()}::timestamptz,
                    ${end.toISOString()}::timestamptz, now() + make_interval(mins => ${company.holdMinutes}), 'active')
            returning id, expires_at
          ), busy as (
            insert into staff_busy_intervals (company_id, staff_id, during, kind, hold_id, expires_at)
            select ${company.id}::uuid, ${data.staffId}::uuid, r::tstzrange, 'hold', hold.id, hold.expires_at
              from hold, unnest(array[${sql.join(
                ranges.map((r) => sql`${r}`),
                sql`, `,
              )}]::text[]) as r
          )
          select id, expires_at from hold`,
            )
            .then((result) => result), // .then sends it now, after the three above
        ]);
        const hold = rows[0];
        return {
          id: Number(hold!.id),
          staffId: data.staffId,
          start: data.start,
          end,
          expiresAt: new Date(hold!.expires_at),
        };
      }),
    );
  } catch (error) {
    if (pgErrorCode(error) === "23P01")
      throw new AppError("SLOT_TAKEN", "Der Termin ist inzwischen vergeben", {
        staffId: data.staffId,
        start: data.start,
      });
    throw error;
  }
}

/** Scheduled clean-up: expired holds are marked expired and their busy rows removed. */
export async function purgeExpiredHolds(db: DbOrTx): Promise<number> {
  const dropped = await dropExpiredHolds(db);
  const rows = await db.execute<{ id: number }>(
    sql`update slot_holds set status = 'expired' where status = 'active' and expires_at <= now() returning id`,
  );
  return dropped + rows.length;
}

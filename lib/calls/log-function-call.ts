import { sql } from "drizzle-orm";
import type { Ctx } from "../context";
import { pgErrorCode } from "../errors";
import { logger } from "../logger";
import { loggableJson } from "./loggable-json";
import type { CallOutcome } from "./record-call";

type Entry = {
  callId: number;
  name: string;
  args: unknown;
  result: unknown;
  latencyMs: number;
  outcome?: CallOutcome | null;
};

/** A call's outcome only ever rises (a booking after a failed check makes it "booked"). */
const OUTCOME_RANK = sql`array['info','no_booking','cancelled','rescheduled','booked']`;
const REFUSED = JSON.stringify({ _unloggable: "refused by the database" });

/**
 * Logs one function call against its call and, when the result says something about the call
 * (booked, cancelled …), raises the call's outcome — one statement. The row is always written:
 * args and result are bounded; should PostgreSQL still refuse them, markers take their place.
 */
export async function logFunctionCall(ctx: Ctx, entry: Entry): Promise<void> {
  const result = entry.result === undefined ? null : loggableJson(entry.result);
  try {
    await insertFunctionCall(ctx, entry, loggableJson(entry.args ?? {}), result);
  } catch (error) {
    const where = { callRowId: entry.callId, function: entry.name, code: pgErrorCode(error) };
    logger.warn(where, "function call log refused its args or result; writing markers instead");
    await insertFunctionCall(ctx, entry, REFUSED, result === null ? null : REFUSED);
  }
}

async function insertFunctionCall(ctx: Ctx, entry: Entry, args: string, result: string | null): Promise<void> {
  const raise = entry.outcome
    ? sql`, raised as (update calls set outcome = ${entry.outcome}
                        where id = ${entry.callId}
                          and array_position(${OUTCOME_RANK}, outcome)
                              < array_position(${OUTCOME_RANK}, ${entry.outcome}::text))`
    : sql``;
  await ctx.db.execute(sql`
    with logged as (
      insert into function_calls (company_id, call_id, name, args, result, latency_ms)
      values (${ctx.company.id}::uuid, ${entry.callId}, ${entry.name}, ${args}::jsonb, ${result}::jsonb,
              ${Math.round(entry.latencyMs)})
    )${raise}
    select 1`);
}

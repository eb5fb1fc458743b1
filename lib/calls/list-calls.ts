import { and, asc, desc, eq, exists, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { union } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Ctx } from "../context";
import { appointments, calls, customers, services } from "../db";
import { optionalDate, optionalEnum, optionalText, type Page, paging } from "../lists";
import { addDays, zonedInstant } from "../time";
import { CALL_OUTCOMES } from "./record-call";
import { staffSegmentCount } from "../appointments";
import { customerMatches, phoneMatches } from "../customers";

export const callListQuery = z.object({
  ...paging,
  sort: optionalEnum(["started_at", "duration", "customer"]),
  from: optionalDate,
  to: optionalDate,
  outcome: optionalEnum([...CALL_OUTCOMES]),
  sync: optionalEnum(["synced", "pending", "partial", "failed"]),
  q: optionalText,
});
export type CallListQuery = z.infer<typeof callListQuery>;

export type CallListRow = {
  id: number;
  startedAt: Date | null;
  /** Null while the call is still going on. */
  endedAt: Date | null;
  fromNumber: string | null;
  customerName: string | null;
  durationSeconds: number | null;
  outcome: string;
  sentiment: string | null;
  appointments: {
    id: number;
    serviceName: string;
    composite: boolean;
    segments: number;
    syncStatus: string;
    review: boolean;
    status: string;
  }[];
};

/** The list's WHERE for its URL; counts that link to the list use the same. */
function listWhere(ctx: Ctx, input: CallListQuery) {
  const tz = ctx.company.timeZone;
  const filters: (SQL | undefined)[] = [eq(calls.companyId, ctx.company.id)];
  if (input.from) filters.push(gte(calls.startedAt, zonedInstant(input.from, 0, tz)));
  if (input.to) filters.push(lt(calls.startedAt, zonedInstant(addDays(input.to, 1), 0, tz)));
  if (input.outcome) filters.push(eq(calls.outcome, input.outcome));
  if (input.sync) {
    filters.push(
      exists(
        ctx.db
          .select({ one: sql`1` })
          .from(appointments)
          // Tenant first, so PostgreSQL never gathers every salon's appointments of that status.
          .where(
            and(
              eq(appointments.companyId, ctx.company.id),
              eq(appointments.calcomSyncStatus, input.sync),
              eq(appointments.callId, calls.id),
            ),
          ),
      ),
    );
  }
  if (input.q) {
    // Two index-friendly lookups (the caller's number, customers by forgiving name or number) instead of an OR over a join.
    const byCustomer = ctx.db
      .select({ id: calls.id })
      .from(calls)
      .innerJoin(customers, eq(customers.id, calls.customerId))
      .where(and(eq(customers.companyId, ctx.company.id), customerMatches(input.q)));
    const number = phoneMatches(calls.fromNumber, input.q);
    const byNumber = number
      ? ctx.db
          .select({ id: calls.id })
          .from(calls)
          .where(and(eq(calls.companyId, ctx.company.id), number))
      : null;
    filters.push(inArray(calls.id, byNumber ? union(byNumber, byCustomer) : byCustomer));
  }
  return and(...filters);
}

const countWhere = (ctx: Ctx, where: SQL | undefined) =>
  ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(calls)
    .leftJoin(customers, eq(customers.id, calls.customerId))
    .where(where);

/** How many calls `/calls?…` shows for these URL parameters (the start page counts with this). */
export async function countCalls({ ctx, params }: { ctx: Ctx; params: Record<string, string> }): Promise<number> {
  const [counted] = await countWhere(ctx, listWhere(ctx, callListQuery.parse(params)));
  return counted?.n ?? 0;
}

export async function listCalls({ ctx, input }: { ctx: Ctx; input: CallListQuery }): Promise<Page<CallListRow>> {
  const where = listWhere(ctx, input);
  const dir = input.dir ?? (input.sort === "customer" ? "asc" : "desc");
  const order = dir === "asc" ? asc : desc;
  const sortColumn =
    input.sort === "duration" ? calls.durationSeconds : input.sort === "customer" ? customers.name : calls.startedAt;

  const [rows, [counted]] = await Promise.all([
    ctx.db
      .select({
        id: calls.id,
        startedAt: calls.startedAt,
        endedAt: calls.endedAt,
        fromNumber: calls.fromNumber,
        customerName: customers.name,
        durationSeconds: calls.durationSeconds,
        outcome: calls.outcome,
        sentiment: calls.sentiment,
      })
      .from(calls)
      .leftJoin(customers, eq(customers.id, calls.customerId))
      .where(where)
      .orderBy(sql`${order(sortColumn)} nulls last`, desc(calls.id))
      .limit(input.size)
      .offset((input.page - 1) * input.size),
    countWhere(ctx, where),
  ]);
  const booked = rows.length
    ? await ctx.db
        .select({
          callId: appointments.callId,
          id: appointments.id,
          serviceName: services.name,
          composite: services.composite,
          syncStatus: appointments.calcomSyncStatus,
          review: appointments.requiresManualReview,
          status: appointments.status,
          segments: staffSegmentCount(),
        })
        .from(appointments)
        .innerJoin(services, eq(services.id, appointments.serviceId))
        .where(
          and(
            eq(appointments.companyId, ctx.company.id),
            inArray(
              appointments.callId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .orderBy(asc(appointments.startsAt))
    : [];
  const total = counted?.n ?? 0;
  return {
    rows: rows.map((r) => ({ ...r, appointments: booked.filter((b) => b.callId === r.id) })),
    total,
    page: input.page,
    size: input.size,
    pageCount: Math.max(1, Math.ceil(total / input.size)),
  };
}

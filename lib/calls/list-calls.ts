import { and, asc, desc, eq, exists, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { appointments, calls, customers, services } from "../db";
import { optionalDate, optionalEnum, optionalText, type Page, paging } from "../lists";
import { addDays, zonedInstant } from "../time";
import { CALL_OUTCOMES } from "./record-call";
import { staffSegmentCount } from "../appointments";

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

/** "0151 1234" also finds "+49151 1234…": callers are stored in E.164. */
function phonePattern(q: string): string | null {
  const digits = q.replace(/[\s()/.-]/g, "");
  if (!/^\+?\d{3,}$/.test(digits)) return null;
  return digits.startsWith("0") && !digits.startsWith("00") ? `+49${digits.slice(1)}` : digits.replace(/^00/, "+");
}

export async function listCalls({ ctx, input }: { ctx: Ctx; input: CallListQuery }): Promise<Page<CallListRow>> {
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
          .where(and(eq(appointments.callId, calls.id), eq(appointments.calcomSyncStatus, input.sync))),
      ),
    );
  }
  if (input.q) {
    // Two index-friendly lookups (trigram on the number, customers by name) instead of one OR over a join.
    const number = `%${phonePattern(input.q) ?? input.q}%`;
    filters.push(sql`${calls.id} in (
      select id from calls where company_id = ${ctx.company.id} and from_number ilike ${number}
      union
      select k.id from calls k join customers cu on cu.id = k.customer_id where cu.company_id = ${ctx.company.id} and cu.name ilike ${`%${input.q}%`})`);
  }
  const where = and(...filters);
  const dir = input.dir ?? (input.sort === "customer" ? "asc" : "desc");
  const order = dir === "asc" ? asc : desc;
  const sortColumn =
    input.sort === "duration" ? calls.durationSeconds : input.sort === "customer" ? customers.name : calls.startedAt;

  const [rows, [counted]] = await Promise.all([
    ctx.db
      .select({
        id: calls.id,
        startedAt: calls.startedAt,
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
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(calls)
      .leftJoin(customers, eq(customers.id, calls.customerId))
      .where(where),
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

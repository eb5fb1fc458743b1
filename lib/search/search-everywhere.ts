import { and, asc, desc, eq, gte, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { customerMatches, customerRank, phoneMatches } from "../customers";
import { appointments, calls, customers, services, staff } from "../db";
import { parseInput } from "../errors";
import { serverNow } from "../time";
import { withStaffLabels } from "../staff";

const searchInput = z.object({
  q: z.string().trim().max(100, "Der Suchbegriff ist zu lang (höchstens 100 Zeichen)."),
  limit: z.number().int().min(1).max(50).default(10),
  now: z.date().optional(),
});

/** `count(*) over ()`: how many match in all, read from the first row of a limited query. */
const totalOver = sql<number>`(count(*) over ())::int`;
const totalOf = (rows: { total: number }[]) => rows[0]?.total ?? 0;

/** The shell's one search box: customers, appointments (upcoming first, then recent) and calls by name or number. */
export async function searchEverywhere({ ctx, input }: { ctx: Ctx; input: z.input<typeof searchInput> }) {
  const data = parseInput(searchInput, input);
  const empty = {
    q: data.q,
    customers: [],
    appointments: [],
    calls: [],
    totals: { customers: 0, appointments: 0, calls: 0 },
  };
  if (!data.q) return empty;
  const now = data.now ?? serverNow();
  const matches = customerMatches(data.q);
  const byNumber = phoneMatches(calls.fromNumber, data.q);
  const upcoming = gte(appointments.startsAt, now);

  const [found, booked, phoned] = await Promise.all([
    ctx.db
      .select({
        id: customers.id,
        name: customers.name,
        phone: customers.phone,
        email: customers.email,
        total: totalOver,
      })
      .from(customers)
      .where(
        and(eq(customers.companyId, ctx.company.id), isNull(customers.mergedInto), isNull(customers.erasedAt), matches),
      )
      .orderBy(desc(customerRank(data.q)), asc(customers.name), asc(customers.id))
      .limit(data.limit),
    ctx.db
      .select({
        id: appointments.id,
        startsAt: appointments.startsAt,
        status: appointments.status,
        customerName: customers.name,
        serviceName: services.name,
        staffId: appointments.staffId,
        staffName: staff.name,
        total: totalOver,
      })
      .from(appointments)
      .innerJoin(customers, eq(customers.id, appointments.customerId))
      .innerJoin(services, eq(services.id, appointments.serviceId))
      .innerJoin(staff, eq(staff.id, appointments.staffId))
      .where(and(eq(appointments.companyId, ctx.company.id), matches))
      .orderBy(
        sql`(${upcoming}) desc`,
        sql`case when ${upcoming} then ${appointments.startsAt} end asc`,
        desc(appointments.startsAt),
        asc(appointments.id),
      )
      .limit(data.limit),
    ctx.db
      .select({
        id: calls.id,
        startedAt: calls.startedAt,
        fromNumber: calls.fromNumber,
        outcome: calls.outcome,
        customerName: customers.name,
        total: totalOver,
      })
      .from(calls)
      .leftJoin(customers, eq(customers.id, calls.customerId))
      .where(and(eq(calls.companyId, ctx.company.id), byNumber ? or(byNumber, matches) : matches))
      .orderBy(sql`${calls.startedAt} desc nulls last`, desc(calls.id))
      .limit(data.limit),
  ]);
  const strip = <T extends { total: number }>(rows: T[]) => rows.map(({ total: _, ...r }) => r);
  return {
    q: data.q,
    customers: strip(found),
    appointments: await withStaffLabels(ctx, strip(booked)),
    calls: strip(phoned),
    totals: { customers: totalOf(found), appointments: totalOf(booked), calls: totalOf(phoned) },
  };
}

export type SearchResults = Awaited<ReturnType<typeof searchEverywhere>>;

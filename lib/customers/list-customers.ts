import { and, asc, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { appointments, customers } from "../db";
import { parseInput } from "../errors";
import { optionalEnum, optionalText, type Page, paging } from "../lists";
import { serverNow } from "../time";
import { customerMatches, customerRank } from "./search";

export const customerListQuery = z.object({
  ...paging,
  sort: optionalEnum(["name", "appointments", "next", "last_visit", "no_shows"]),
  q: optionalText,
  /** "all" also shows merged and erased records. */
  show: optionalEnum(["all"]),
  now: z.date().optional(),
});
export type CustomerListQuery = z.infer<typeof customerListQuery>;

export type CustomerListRow = {
  id: number;
  name: string;
  phone: string | null;
  email: string | null;
  appointments: number;
  nextAt: Date | null;
  lastVisitAt: Date | null;
  noShows: number;
  mergedInto: number | null;
  erased: boolean;
};

/** The salon's customers with their appointment figures; a search ranks the closest names first. */
export async function listCustomers({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof customerListQuery>;
}): Promise<Page<CustomerListRow>> {
  const data = parseInput(customerListQuery, input);
  const now = data.now ?? serverNow();
  const upcoming = and(eq(appointments.status, "confirmed"), gte(appointments.startsAt, now));
  const visited = and(inArray(appointments.status, ["completed", "confirmed"]), lt(appointments.startsAt, now));
  const stats = ctx.db
    .select({
      customerId: appointments.customerId,
      total: sql<number>`count(*) filter (where ${appointments.status} <> 'cancelled')::int`.as("total"),
      nextAt: sql<Date | null>`min(${appointments.startsAt}) filter (where ${upcoming})`
        .mapWith(appointments.startsAt)
        .as("next_at"),
      lastVisitAt: sql<Date | null>`max(${appointments.startsAt}) filter (where ${visited})`
        .mapWith(appointments.startsAt)
        .as("last_visit_at"),
      noShows: sql<number>`count(*) filter (where ${appointments.status} = 'no_show')::int`.as("no_shows"),
    })
    .from(appointments)
    .where(eq(appointments.companyId, ctx.company.id))
    .groupBy(appointments.customerId)
    .as("stats");

  const filters: (SQL | undefined)[] = [eq(customers.companyId, ctx.company.id)];
  if (data.show !== "all") filters.push(isNull(customers.mergedInto), isNull(customers.erasedAt));
  if (data.q) filters.push(customerMatches(data.q));
  const where = and(...filters);
  const sortKey = data.sort ?? (data.q ? undefined : "name");
  const dir = data.dir ?? (sortKey === "name" ? "asc" : "desc");
  const order = dir === "asc" ? asc : desc;
  const column = {
    name: customers.name,
    appointments: sql`coalesce(${stats.total}, 0)`,
    next: stats.nextAt,
    last_visit: stats.lastVisitAt,
    no_shows: sql`coalesce(${stats.noShows}, 0)`,
  };
  const orderBy = sortKey
    ? [sql`${order(column[sortKey])} nulls last`, asc(customers.name), asc(customers.id)]
    : [desc(customerRank(data.q!)), asc(customers.name), asc(customers.id)];

  const [rows, [counted]] = await Promise.all([
    ctx.db
      .select({
        id: customers.id,
        name: customers.name,
        phone: customers.phone,
        email: customers.email,
        appointments: sql<number>`coalesce(${stats.total}, 0)::int`,
        nextAt: stats.nextAt,
        lastVisitAt: stats.lastVisitAt,
        noShows: sql<number>`coalesce(${stats.noShows}, 0)::int`,
        mergedInto: customers.mergedInto,
        erasedAt: customers.erasedAt,
      })
      .from(customers)
      .leftJoin(stats, eq(stats.customerId, customers.id))
      .where(where)
      .orderBy(...orderBy)
      .limit(data.size)
      .offset((data.page - 1) * data.size),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(customers)
      .where(where),
  ]);
  const total = counted?.n ?? 0;
  return {
    rows: rows.map(({ erasedAt, ...r }) => ({ ...r, erased: erasedAt !== null })),
    total,
    page: data.page,
    size: data.size,
    pageCount: Math.max(1, Math.ceil(total / data.size)),
  };
}

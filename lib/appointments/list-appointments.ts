import { and, asc, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { customerMatches } from "../customers";
import { appointments, customers, services, staff } from "../db";
import { isCalendarDate, optionalDate, optionalEnum, optionalText, type Page, paging } from "../lists";
import { addDays, zonedInstant } from "../time";
import { staffSegmentCount } from "./segment-count";
import { withStaffLabels } from "../staff";

export const appointmentListQuery = z.object({
  ...paging,
  sort: optionalEnum(["starts_at", "customer", "service", "staff", "created_at"]),
  /** Absent → from today; empty (the form's "Alle") → no lower bound. */
  from: z
    .string()
    .refine((d) => d === "" || isCalendarDate(d), "Kein gültiges Datum")
    .optional(),
  to: optionalDate,
  staff: z.preprocess((v) => (v === "" ? undefined : v), z.string().uuid().optional()),
  service: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional()),
  status: optionalEnum(["confirmed", "cancelled", "completed", "no_show"]),
  sync: optionalEnum(["synced", "pending", "partial", "failed"]),
  review: optionalEnum(["1"]),
  q: optionalText,
});
export type AppointmentListQuery = z.infer<typeof appointmentListQuery>;

export type AppointmentListRow = {
  id: number;
  startsAt: Date;
  endsAt: Date;
  customerName: string;
  customerPhone: string | null;
  serviceName: string;
  composite: boolean;
  segments: number;
  staffName: string;
  status: "confirmed" | "cancelled" | "completed" | "no_show";
  syncStatus: "pending" | "synced" | "partial" | "failed";
  review: boolean;
  /** Set when an absence (or closure) entered later collides: the salon calls the customer. */
  followUp: string | null;
};

export const effectiveFrom = (input: AppointmentListQuery, today: string) =>
  input.from === undefined ? today : /^\d{4}-\d{2}-\d{2}$/.test(input.from) ? input.from : undefined;

/** The list's WHERE for its URL: every count that links to the list is made from the same. */
function listWhere(ctx: Ctx, input: AppointmentListQuery, today: string) {
  const tz = ctx.company.timeZone;
  const filters: (SQL | undefined)[] = [eq(appointments.companyId, ctx.company.id)];
  const from = effectiveFrom(input, today);
  if (from) filters.push(gte(appointments.startsAt, zonedInstant(from, 0, tz)));
  if (input.to) filters.push(lt(appointments.startsAt, zonedInstant(addDays(input.to, 1), 0, tz)));
  if (input.staff) filters.push(eq(appointments.staffId, input.staff));
  if (input.service) filters.push(eq(appointments.serviceId, input.service));
  if (input.status) filters.push(eq(appointments.status, input.status));
  if (input.sync) filters.push(eq(appointments.calcomSyncStatus, input.sync));
  if (input.review) filters.push(eq(appointments.requiresManualReview, true));
  if (input.q) filters.push(customerMatches(input.q));
  return and(...filters);
}

const countWhere = (ctx: Ctx, where: SQL | undefined) =>
  ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(appointments)
    .innerJoin(customers, eq(customers.id, appointments.customerId))
    .where(where);

/**
 * How many rows the appointment list shows for these URL parameters (as `/appointments?…` reads them):
 * the start page's numbers are counted with this, so each opens exactly the list it counts.
 */
export async function countAppointments({
  ctx,
  params,
  today,
}: {
  ctx: Ctx;
  params: Record<string, string>;
  today: string;
}): Promise<number> {
  const input = appointmentListQuery.parse(params);
  const [counted] = await countWhere(ctx, listWhere(ctx, input, today));
  return counted?.n ?? 0;
}

export async function listAppointments({
  ctx,
  input,
  today,
}: {
  ctx: Ctx;
  input: AppointmentListQuery;
  today: string;
}): Promise<Page<AppointmentListRow>> {
  const where = listWhere(ctx, input, today);
  const dir = input.dir ?? (input.sort === "created_at" ? "desc" : "asc");
  const order = dir === "asc" ? asc : desc;
  const column = {
    starts_at: appointments.startsAt,
    customer: customers.name,
    service: services.name,
    staff: staff.name,
    created_at: appointments.createdAt,
  }[input.sort ?? "starts_at"];

  const base = () =>
    ctx.db
      .select({
        id: appointments.id,
        startsAt: appointments.startsAt,
        endsAt: appointments.endsAt,
        customerName: customers.name,
        customerPhone: customers.phone,
        serviceName: services.name,
        composite: services.composite,
        staffId: appointments.staffId,
        staffName: staff.name,
        status: appointments.status,
        syncStatus: appointments.calcomSyncStatus,
        review: appointments.requiresManualReview,
        followUp: appointments.followUpReason,
        segments: staffSegmentCount(),
      })
      .from(appointments)
      .innerJoin(customers, eq(customers.id, appointments.customerId))
      .innerJoin(services, eq(services.id, appointments.serviceId))
      .innerJoin(staff, eq(staff.id, appointments.staffId));
  const [rows, [counted]] = await Promise.all([
    base()
      .where(where)
      .orderBy(order(column), order(appointments.startsAt), asc(appointments.id))
      .limit(input.size)
      .offset((input.page - 1) * input.size),
    countWhere(ctx, where),
  ]);
  const total = counted?.n ?? 0;
  return {
    rows: await withStaffLabels(ctx, rows),
    total,
    page: input.page,
    size: input.size,
    pageCount: Math.max(1, Math.ceil(total / input.size)),
  };
}

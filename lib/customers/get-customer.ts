import { and, desc, eq, isNull, ne, or, sql } from "drizzle-orm";
import { z } from "zod";
import { staffSegmentCount } from "../appointments";
import type { Ctx } from "../context";
import { appointments, calls, customers, services, staff } from "../db";
import { notFound, parseInput } from "../errors";
import { calcomLeftovers } from "./calcom-leftovers";
import { customerId } from "./customer-id";
import { withStaffLabels } from "../staff";

const getInput = z.object({ id: customerId });

/** One customer with everything the front desk needs: contact data, appointments, calls, duplicates. */
export async function getCustomer({ ctx, input }: { ctx: Ctx; input: z.input<typeof getInput> }) {
  const { id } = parseInput(getInput, input);
  const [customer] = await ctx.db
    .select({
      id: customers.id,
      name: customers.name,
      phone: customers.phone,
      email: customers.email,
      notes: customers.notes,
      possibleDuplicateOf: customers.possibleDuplicateOf,
      mergedInto: customers.mergedInto,
      erasedAt: customers.erasedAt,
      createdAt: customers.createdAt,
    })
    .from(customers)
    .where(and(eq(customers.companyId, ctx.company.id), eq(customers.id, id)));
  if (!customer) throw notFound("Kunde", { id });

  const sameCompany = eq(customers.companyId, ctx.company.id);
  const related = [eq(customers.possibleDuplicateOf, id)];
  if (customer.phone) related.push(eq(customers.phone, customer.phone));
  if (customer.possibleDuplicateOf) related.push(eq(customers.id, customer.possibleDuplicateOf));
  const [booked, phoned, duplicates, mergedInto] = await Promise.all([
    ctx.db
      .select({
        id: appointments.id,
        startsAt: appointments.startsAt,
        status: appointments.status,
        serviceName: services.name,
        composite: services.composite,
        segments: staffSegmentCount(),
        staffId: appointments.staffId,
        staffName: staff.name,
      })
      .from(appointments)
      .innerJoin(services, eq(services.id, appointments.serviceId))
      .innerJoin(staff, eq(staff.id, appointments.staffId))
      .where(and(eq(appointments.companyId, ctx.company.id), eq(appointments.customerId, id)))
      .orderBy(desc(appointments.startsAt), desc(appointments.id)),
    ctx.db
      .select({
        id: calls.id,
        startedAt: calls.startedAt,
        outcome: calls.outcome,
        durationSeconds: calls.durationSeconds,
        fromNumber: calls.fromNumber,
      })
      .from(calls)
      .where(and(eq(calls.companyId, ctx.company.id), eq(calls.customerId, id)))
      .orderBy(sql`${calls.startedAt} desc nulls last`, desc(calls.id)),
    customer.erasedAt || customer.mergedInto
      ? []
      : ctx.db
          .select({ id: customers.id, name: customers.name, phone: customers.phone, email: customers.email })
          .from(customers)
          .where(
            and(
              sameCompany,
              ne(customers.id, id),
              isNull(customers.mergedInto),
              isNull(customers.erasedAt),
              or(...related),
            ),
          )
          .orderBy(customers.id)
          .limit(20),
    customer.mergedInto
      ? ctx.db
          .select({ id: customers.id, name: customers.name })
          .from(customers)
          .where(and(sameCompany, eq(customers.id, customer.mergedInto)))
      : [],
  ]);
  return {
    ...customer,
    appointments: await withStaffLabels(ctx, booked),
    calls: phoned,
    noShows: booked.filter((a) => a.status === "no_show").length,
    duplicates,
    mergedIntoCustomer: mergedInto[0] ?? null,
    /** After erasure: what Cal.com may still hold, for the operator to delete there. */
    calcomLeftovers: customer.erasedAt ? await calcomLeftovers(ctx.db, ctx, [id]) : [],
  };
}

export type CustomerDetail = Awaited<ReturnType<typeof getCustomer>>;

import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { customers, services, staff, staffServices } from "../db";
import { parseInput } from "../errors";
import { labelStaff } from "../staff";

export const bookingOptionsInput = z.object({
  /** Only the stylists who offer this service. */
  serviceId: z.number().int().positive().optional(),
  /** A picked customer to show; one of another company is simply not found. */
  customerId: z.number().int().positive().optional(),
});

export type BookingOptions = {
  services: { id: number; name: string; composite: boolean; durationMinutes: number }[];
  /** Active stylists (qualified for the service when one is given), labelled apart ("Fabian Spitzer (2)"). */
  staff: { id: string; label: string }[];
  customer: { id: number; name: string; phone: string | null; email: string | null } | null;
};

/** What the admin's booking form offers: the active services, the stylists, the picked customer. */
export async function bookingOptions({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof bookingOptionsInput>;
}): Promise<BookingOptions> {
  const data = parseInput(bookingOptionsInput, input);
  const company = ctx.company.id;
  const [offered, members, qualified, picked] = await Promise.all([
    ctx.db
      .select({
        id: services.id,
        name: services.name,
        composite: services.composite,
        durationMinutes: services.durationMinutes,
      })
      .from(services)
      .where(and(eq(services.companyId, company), eq(services.active, true)))
      .orderBy(asc(services.name)),
    ctx.db
      .select({
        id: staff.id,
        name: staff.name,
        createdAt: staff.createdAt,
        mergedInto: staff.mergedInto,
        active: staff.active,
      })
      .from(staff)
      .where(eq(staff.companyId, company))
      .orderBy(asc(staff.name)),
    data.serviceId
      ? ctx.db
          .select({ staffId: staffServices.staffId })
          .from(staffServices)
          .where(and(eq(staffServices.companyId, company), eq(staffServices.serviceId, data.serviceId)))
      : null,
    data.customerId
      ? ctx.db
          .select({ id: customers.id, name: customers.name, phone: customers.phone, email: customers.email })
          .from(customers)
          .where(
            and(
              eq(customers.companyId, company),
              eq(customers.id, data.customerId),
              isNull(customers.mergedInto),
              isNull(customers.erasedAt),
            ),
          )
      : null,
  ]);
  const labels = labelStaff(members);
  const offers = qualified ? new Set(qualified.map((q) => q.staffId)) : null;
  return {
    services: offered,
    staff: members
      .filter((m) => m.active && !m.mergedInto && (!offers || offers.has(m.id)))
      .map((m) => ({ id: m.id, label: labels.get(m.id) ?? m.name })),
    customer: picked?.[0] ?? null,
  };
}

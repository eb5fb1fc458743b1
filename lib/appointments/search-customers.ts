import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { customers } from "../db";
import { parseInput } from "../errors";
import { customerMatches, customerRank } from "../customers";

export const customerSearchInput = z.object({
  q: z.string().trim().min(2, "Bitte mindestens zwei Zeichen eingeben.").max(100),
  limit: z.number().int().min(1).max(25).default(10),
});

export type CustomerHit = { id: number; name: string; phone: string | null; email: string | null };

/** The company's customers matching a typed name or phone number, best first — for picking one when booking. */
export async function searchCustomers({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof customerSearchInput>;
}): Promise<CustomerHit[]> {
  const data = parseInput(customerSearchInput, input);
  return ctx.db
    .select({ id: customers.id, name: customers.name, phone: customers.phone, email: customers.email })
    .from(customers)
    .where(
      and(
        eq(customers.companyId, ctx.company.id),
        customerMatches(data.q),
        isNull(customers.mergedInto),
        isNull(customers.erasedAt),
      ),
    )
    .orderBy(desc(customerRank(data.q)), customers.name, customers.id)
    .limit(data.limit);
}

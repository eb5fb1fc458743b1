import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { calcomAcceptsEmail } from "../calcom";
import type { Ctx } from "../context";
import { customers } from "../db";
import { AppError, parseInput } from "../errors";
import { sameName } from "./names";
import { toE164 } from "./phone";

/** An address Cal.com will take as attendee e-mail (it refuses e.g. umlauts before the @). */
export const customerEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(200)
  .refine(
    calcomAcceptsEmail,
    "Diese E-Mail-Adresse ist ungültig (Umlaute und Sonderzeichen vor dem @ sind nicht möglich).",
  );

export const customerInput = z.object({
  name: z.string().trim().min(1, "Name fehlt").max(200),
  phone: z.string().trim().max(40).nullish(),
  email: customerEmail.nullish().or(z.literal("").transform(() => null)),
});

type Found = { id: number; name: string; phone: string | null };

/**
 * The customer a booking is for. Callers are recognised by their number (E.164), but a number is
 * not a person: a known customer is taken only when the name matches too, and is never renamed.
 * Another name on a known number gets its own record, linked as a possible duplicate for the admin
 * (a household's landline, or someone giving another person's number).
 */
export async function findOrCreateCustomer({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof customerInput>;
}): Promise<Found> {
  const data = parseInput(customerInput, input);
  const phone = data.phone ? toE164(data.phone) : null;
  if (data.phone && !phone) throw new AppError("VALIDATION", "Die Telefonnummer ist ungültig", { phone: data.phone });
  const values = { companyId: ctx.company.id, name: data.name, phone, email: data.email ?? null };
  const columns = { id: customers.id, name: customers.name, phone: customers.phone };
  if (!phone) return (await ctx.db.insert(customers).values(values).returning(columns))[0]!;

  // Two bookings for one new number at once must not create it twice.
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`customer:${ctx.company.id}:${phone}`}))`);
  const known = await ctx.db
    .select({ ...columns, email: customers.email })
    .from(customers)
    .where(and(eq(customers.companyId, ctx.company.id), eq(customers.phone, phone)))
    .orderBy(asc(customers.id));
  const same = known.find((k) => sameName(k.name, data.name));
  if (same) {
    if (data.email && !same.email)
      await ctx.db.update(customers).set({ email: data.email, updatedAt: new Date() }).where(eq(customers.id, same.id));
    return { id: same.id, name: same.name, phone: same.phone };
  }
  const [row] = await ctx.db
    .insert(customers)
    .values({ ...values, possibleDuplicateOf: known[0]?.id ?? null })
    .returning(columns);
  return row!;
}

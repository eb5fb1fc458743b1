import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { customers } from "../db/schema";
import { AppError, parseInput } from "../errors";
import { calcomAcceptsEmail } from "../calcom/attendee";
import { toE164 } from "./phone";

/** An address Cal.com will take as attendee e-mail (it refuses e.g. umlauts before the @). */
export const customerEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(200)
  .refine(calcomAcceptsEmail, "Diese E-Mail-Adresse ist ungültig (Umlaute und Sonderzeichen vor dem @ sind nicht möglich).");

export const customerInput = z.object({
  name: z.string().trim().min(1, "Name fehlt").max(200),
  phone: z.string().trim().max(40).nullish(),
  email: customerEmail.nullish().or(z.literal("").transform(() => null)),
});

/** The caller is recognised by their number (E.164); a known customer's name is updated. */
export async function findOrCreateCustomer({ ctx, input }: { ctx: Ctx; input: z.input<typeof customerInput> }): Promise<{ id: number; name: string; phone: string | null }> {
  const data = parseInput(customerInput, input);
  const phone = data.phone ? toE164(data.phone) : null;
  if (data.phone && !phone) throw new AppError("VALIDATION", "Die Telefonnummer ist ungültig", { phone: data.phone });
  const values = { companyId: ctx.company.id, name: data.name, phone, email: data.email ?? null };
  const [row] = phone
    ? await ctx.db
        .insert(customers)
        .values(values)
        .onConflictDoUpdate({
          target: [customers.companyId, customers.phone],
          set: { name: data.name, email: sql`coalesce(excluded.email, ${customers.email})`, updatedAt: new Date() },
        })
        .returning({ id: customers.id, name: customers.name, phone: customers.phone })
    : await ctx.db.insert(customers).values(values).returning({ id: customers.id, name: customers.name, phone: customers.phone });
  return row!;
}

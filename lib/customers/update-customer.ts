import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { customers } from "../db";
import { AppError, notFound, parseInput } from "../errors";
import { customerEmail } from "./find-or-create";
import { customerId } from "./customer-id";
import { toE164 } from "./phone";

const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

export const customerContactInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Bitte einen Namen angeben.")
    .max(200, "Der Name ist zu lang (höchstens 200 Zeichen)."),
  phone: z.preprocess(
    emptyToNull,
    z
      .string()
      .trim()
      .max(40, "Bitte eine gültige Telefonnummer angeben.")
      .transform((raw, issue) => {
        const e164 = toE164(raw);
        if (!e164) issue.addIssue({ code: "custom", message: "Bitte eine gültige Telefonnummer angeben." });
        return e164 ?? raw;
      })
      .nullable(),
  ),
  email: z.preprocess(emptyToNull, customerEmail.nullable()),
  notes: z.preprocess(
    emptyToNull,
    z.string().trim().max(2000, "Die Notizen dürfen höchstens 2000 Zeichen lang sein.").nullable(),
  ),
});
const updateInput = customerContactInput.extend({ id: customerId });

/** Contact data and notes of a customer; erased and merged records stay as they are. */
export async function updateCustomer({ ctx, input }: { ctx: Ctx; input: z.input<typeof updateInput> }) {
  const data = parseInput(updateInput, input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: customers.id, mergedInto: customers.mergedInto, erasedAt: customers.erasedAt })
      .from(customers)
      .where(and(eq(customers.companyId, ctx.company.id), eq(customers.id, data.id)))
      .for("update");
    if (!row) throw notFound("Kunde", { id: data.id });
    if (row.erasedAt) throw new AppError("CONFLICT", "Gelöschte Kunden können nicht bearbeitet werden.");
    if (row.mergedInto) {
      throw new AppError("CONFLICT", "Dieser Eintrag wurde zusammengeführt – bitte den bleibenden Eintrag bearbeiten.");
    }
    const [saved] = await tx
      .update(customers)
      .set({ name: data.name, phone: data.phone, email: data.email, notes: data.notes, updatedAt: new Date() })
      .where(eq(customers.id, row.id))
      .returning({ id: customers.id, name: customers.name, phone: customers.phone, email: customers.email });
    return saved!;
  });
}

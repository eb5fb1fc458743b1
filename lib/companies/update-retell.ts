import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { companies } from "../db";
import { AppError, notFound, parseInput, pgErrorCode } from "../errors";

export const updateRetellInput = z.object({
  /** Empty or null: no agent, calls are not routed to this salon. */
  retellAgentId: z
    .string({ error: "Bitte geben Sie die Agent-ID als Text an." })
    .trim()
    .max(200, "Die Agent-ID darf höchstens 200 Zeichen lang sein.")
    .regex(/^\S*$/, "Die Agent-ID darf keine Leerzeichen enthalten.")
    .nullable()
    .transform((v) => v || null),
});

/** The Retell agent whose calls belong to the signed-in company; an agent serves exactly one salon. */
export async function updateRetell({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof updateRetellInput>;
}): Promise<void> {
  const values = parseInput(updateRetellInput, input);
  try {
    const updated = await ctx.db
      .update(companies)
      .set(values)
      .where(eq(companies.id, ctx.company.id))
      .returning({ id: companies.id });
    if (updated.length === 0) throw notFound("Salon");
  } catch (error) {
    // The unique index decides, so two admins saving the same ID at once cannot both win.
    if (pgErrorCode(error) === "23505") {
      throw new AppError(
        "CONFLICT",
        "Diese Agent-ID ist bereits einem anderen Salon zugeordnet. Bitte prüfen Sie die ID in Retell.",
      );
    }
    throw error;
  }
}

import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { companies } from "../db";
import { AppError, notFound, parseInput, pgErrorCode } from "../errors";

const retellId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,128}$/, "Retell-IDs bestehen aus Buchstaben, Ziffern, _ und -.");

export const storeRetellIdsInput = z
  .object({ retellLlmId: retellId.optional(), retellAgentId: retellId.optional() })
  .refine((v) => v.retellLlmId !== undefined || v.retellAgentId !== undefined, "Keine Retell-ID angegeben.");

/**
 * Remembers the LLM and agent `retell:agent -- --apply` created for the company, so the next run
 * updates them; the agent id is also how function calls find this company.
 */
export async function storeRetellIds({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof storeRetellIdsInput>;
}): Promise<void> {
  const values = parseInput(storeRetellIdsInput, input);
  try {
    const updated = await ctx.db
      .update(companies)
      .set(values)
      .where(eq(companies.id, ctx.company.id))
      .returning({ id: companies.id });
    if (updated.length === 0) throw notFound("Salon");
  } catch (error) {
    if (pgErrorCode(error) === "23505") {
      throw new AppError("CONFLICT", "Dieser Retell-Agent ist bereits einem anderen Salon zugeordnet.");
    }
    throw error;
  }
}

import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../context";
import { companies } from "../db";
import { notFound, parseInput } from "../errors";

const flag = z.boolean({ error: "Bitte geben Sie für jede Funktion an, ob sie aktiv ist." });

export const updateFeatureFlagsInput = z.object({
  parallelCalcomBooking: flag,
  postSyncVerification: flag,
});

/** Switches of the Cal.com sync for the signed-in company; each sync job reads them when it runs. */
export async function updateFeatureFlags({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof updateFeatureFlagsInput>;
}): Promise<void> {
  const values = parseInput(updateFeatureFlagsInput, input);
  const updated = await ctx.db
    .update(companies)
    .set(values)
    .where(eq(companies.id, ctx.company.id))
    .returning({ id: companies.id });
  if (updated.length === 0) throw notFound("Salon");
}

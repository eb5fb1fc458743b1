import { applyProvisioning, planProvisioning } from "../calcom/provision";
import type { Ctx } from "../context";

/**
 * Plans again and applies: creates single-host event types in Cal.com and points the mappings at
 * them. Planning afresh (not replaying the dry run) means a second click cannot create duplicates.
 */
export async function provisionEventTypes({ ctx }: { ctx: Ctx }): Promise<{ created: number; reused: number; skipped: number }> {
  const plan = await planProvisioning({ ctx });
  if (plan.length === 0) return { created: 0, reused: 0, skipped: 0 };
  return applyProvisioning({ ctx, plan });
}

import { applyProvisioning, planProvisioning, type ProvisionCounts } from "./provision";
import { applyWebhooks, NO_SECRET, planWebhooks, type WebhookCounts } from "./provision-webhooks";
import { withProvisioningLock } from "./provisioning-lock";
import { RECENT_WEBHOOK_LIST_MS } from "./webhook-lists";
import type { Ctx } from "../../context";
import { decryptOptional } from "../../crypto";
import { AppError } from "../../errors";

export type ProvisionResult = ProvisionCounts & { webhooks: WebhookCounts };

/**
 * Plans again and applies: creates or repairs single-host event types with the salon settings, points
 * the mappings at them, then gives every mapped event type SlotDesk's webhook. Planning afresh (not
 * replaying the dry run) under the company's lock means a second click creates nothing twice.
 */
export async function provisionEventTypes({ ctx }: { ctx: Ctx }): Promise<ProvisionResult> {
  return withProvisioningLock(ctx, async () => {
    const plan = await planProvisioning({ ctx });
    // New event types need a webhook right away; refuse before creating them, not halfway through.
    if (plan.some((p) => p.action !== "skip") && !decryptOptional(ctx.company.calcomWebhookSecretEncrypted)) {
      throw new AppError("VALIDATION", NO_SECRET);
    }
    const none = { created: 0, reused: 0, updated: 0, skipped: 0 };
    const eventTypes = plan.length ? await applyProvisioning({ ctx, plan }) : none;
    const webhooks = await applyWebhooks({ ctx, plan: await planWebhooks({ ctx, maxAgeMs: RECENT_WEBHOOK_LIST_MS }) });
    return { ...eventTypes, webhooks };
  });
}

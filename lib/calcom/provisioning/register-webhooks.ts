import { applyWebhooks, planWebhooks, type WebhookCounts } from "./provision-webhooks";
import { withProvisioningLock } from "./provisioning-lock";
import type { Ctx } from "../../context";

/**
 * "Webhooks einrichten": only the webhooks — one per mapped team event type, registered where Cal.com
 * lists none of SlotDesk's, repaired where it points elsewhere, is off, lacks a trigger or a secret.
 * Reads every list afresh: this is the button for "make sure", whatever a page showed before.
 */
export async function registerWebhooks({ ctx }: { ctx: Ctx }): Promise<WebhookCounts> {
  return withProvisioningLock(ctx, async () => applyWebhooks({ ctx, plan: await planWebhooks({ ctx }) }));
}

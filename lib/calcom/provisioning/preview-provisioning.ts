import { auditEventTypes, type EventTypeHealth } from "./event-type-health";
import { planProvisioning, type ProvisionAction } from "./provision";
import { planWebhooks, type WebhookAction } from "./provision-webhooks";
import { RECENT_WEBHOOK_LIST_MS } from "./webhook-lists";
import type { Ctx } from "../../context";

/** One line of the dry run, small and plain enough to cross the server-action boundary. */
export type ProvisionStep = {
  serviceId: number;
  serviceName: string;
  segmentKey: string;
  segmentName: string;
  staffId: string;
  staffName: string;
  durationMinutes: number;
  status: EventTypeHealth;
  eventTypeId: number | null;
  action: ProvisionAction["action"];
  reason: string;
  title: string;
};
export type WebhookStep = WebhookAction;
export type ProvisionPreview = { steps: ProvisionStep[]; webhooks: WebhookStep[] };

export const toStep = (a: ProvisionAction): ProvisionStep => ({
  serviceId: a.serviceId,
  serviceName: a.serviceName,
  segmentKey: a.segmentKey,
  segmentName: a.segmentName,
  staffId: a.staffId,
  staffName: a.staffName,
  durationMinutes: a.durationMinutes,
  status: a.status,
  eventTypeId: a.eventTypeId,
  action: a.action,
  reason: a.reason,
  title: a.title,
});

/**
 * Dry run: what provisioning would create, reuse, correct or skip, and which webhooks it would register
 * or repair (new event types get theirs when they are created). Writes nothing anywhere.
 */
export async function previewProvisioning({ ctx }: { ctx: Ctx }): Promise<ProvisionPreview> {
  const rows = await auditEventTypes({ ctx, webhookMaxAgeMs: RECENT_WEBHOOK_LIST_MS });
  const [steps, webhooks] = await Promise.all([planProvisioning({ ctx, rows }), planWebhooks({ ctx, rows })]);
  return { steps: steps.map(toStep), webhooks };
}

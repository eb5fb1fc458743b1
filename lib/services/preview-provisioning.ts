import type { EventTypeHealth } from "../calcom/event-type-health";
import { planProvisioning, type ProvisionAction } from "../calcom/provision";
import type { Ctx } from "../context";

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

/** Dry run (seed 004, option B): what provisioning would create, reuse or skip. Writes nothing anywhere. */
export async function previewProvisioning({ ctx }: { ctx: Ctx }): Promise<ProvisionStep[]> {
  return (await planProvisioning({ ctx })).map(toStep);
}

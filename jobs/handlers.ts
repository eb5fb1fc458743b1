import { type JobContext, CALCOM_RECONCILE, CALCOM_REVERIFY, CALCOM_SYNC, SLOT_HOLDS_PURGE } from "../lib/jobs";
import { calcomReconcileJob } from "./calcom-reconcile";
import { calcomReverifyJob } from "./calcom-reverify";
import { calcomSyncJob } from "./calcom-sync";
import { slotHoldsPurge } from "./slot-holds-purge";

/** Queue name → handler. Each handler is a thin adapter around one service verb. */
export const handlers: Record<string, (data: never, job: JobContext) => Promise<void>> = {
  [SLOT_HOLDS_PURGE]: slotHoldsPurge,
  [CALCOM_SYNC]: calcomSyncJob,
  [CALCOM_REVERIFY]: calcomReverifyJob,
  [CALCOM_RECONCILE]: calcomReconcileJob,
};

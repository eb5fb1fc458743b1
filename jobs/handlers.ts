import type { Logger } from "pino";
import { SLOT_HOLDS_PURGE } from "./queues";
import { slotHoldsPurge } from "./slot-holds-purge";

export type JobContext = { jobId: string; log: Logger };

/** Queue name → handler. Each handler is a thin adapter around one service verb. */
export const handlers: Record<string, (data: unknown, job: JobContext) => Promise<void>> = {
  [SLOT_HOLDS_PURGE]: slotHoldsPurge,
};

export { createBoss, getProducer } from "./boss";
export { jobCtx } from "./job-context";
export type { JobContext } from "./job-context";
export {
  CALCOM_RECONCILE,
  CALCOM_REVERIFY,
  CALCOM_SYNC,
  SLOT_HOLDS_PURGE,
  ensureQueues,
  queues,
  singletonKeyFor,
} from "./queues";
export type { appointmentJob } from "./queues";
export { runBatch } from "./run-batch";
export { bossDb } from "./tx-adapter";

import { assertEnvAtBoot } from "../lib/env";

// worker.ts imports this module first. ES modules run in import order, so the configuration is checked
// before any other module reads a setting (queues.ts reads WORKER_SYNC_CONCURRENCY as it loads).
assertEnvAtBoot("worker");

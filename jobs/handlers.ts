import type { Logger } from "pino";

export type JobContext = { jobId: string; log: Logger };
export type JobHandler = (data: never, job: JobContext) => Promise<void>;

/** Queue name → handler. Each handler is a thin adapter around one service verb. */
export const handlers: Record<string, (data: unknown, job: JobContext) => Promise<void>> = {};

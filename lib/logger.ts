import pino from "pino";

/** Structured JSON logs; bind callId / appointmentId / jobId with logger.child({ … }). */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: process.env.SLOTDESK_PROCESS ?? "web" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ["apiKey", "*.apiKey", "headers.authorization", "password"], censor: "[redacted]" },
});

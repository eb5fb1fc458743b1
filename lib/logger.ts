import pino from "pino";
import { logSettings } from "./env";

const { level, service } = logSettings();

/** Structured JSON logs; bind callId / appointmentId / jobId with logger.child({ … }). */
export const logger = pino({
  level,
  base: { service },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ["apiKey", "*.apiKey", "headers.authorization", "password"], censor: "[redacted]" },
});

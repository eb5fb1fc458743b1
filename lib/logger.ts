import pino from "pino";
import { logSettings } from "./env";
import { pgErrorCode } from "./errors";

export const REDACTED = "[Redacted]";

/** Keys that hold a person's data, a secret or a raw Retell call: redacted up to three levels deep. */
const SENSITIVE_KEYS = [
  ...["phone", "phoneNumber", "phone_number", "from_number", "to_number", "fromNumber", "toNumber"],
  ...["email", "adminEmail", "name", "customerName", "customer_name", "firstName", "lastName", "adminName"],
  ...["password", "newPassword", "currentPassword", "token", "accessToken", "apiKey", "api_key", "secret"],
  ...["authorization", "cookie", "call", "args", "transcript", "body", "notes"],
];
const REDACT_PATHS = SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/** What a failed query's error quotes of its data: the bound parameters and the row PostgreSQL names. */
const QUERY_DATA = new Set(["params", "parameters", "args", "types", "detail", "where", "name", "raw"]);
const BOUND_PARAMETERS = /\nparams: [\s\S]*?(?=\n {4}at |\ncaused by: |$)/g;

/** pino's error serializer, minus query data: the SQL text, the SQLSTATE (`code`) and the stack stay. */
function serializeError(error: unknown): unknown {
  const plain: unknown = pino.stdSerializers.err(error as Error);
  if (plain === error || typeof plain !== "object" || plain === null) return plain;
  const kept = Object.entries(plain)
    .filter(([key]) => !QUERY_DATA.has(key))
    .map(([key, value]) => [key, typeof value === "string" ? value.replace(BOUND_PARAMETERS, "") : value]);
  return { ...Object.fromEntries(kept), code: pgErrorCode(error) ?? (plain as { code?: unknown }).code };
}

/**
 * pino escapes C0 control characters in JSON strings but writes DEL, C1 controls, line separators and
 * bidi overrides raw, which can forge or hide lines in a terminal or log viewer. They only ever occur
 * inside JSON strings, where a \u escape reads back as the same text.
 */
const RAW_CONTROLS = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const escapeControls = (line: string) =>
  line.replace(RAW_CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** The app's logger configuration; tests hand it a stream of their own. */
export function createLogger(destination?: pino.DestinationStream, level = logSettings().level): pino.Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: logSettings().service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    serializers: { err: serializeError, error: serializeError },
    hooks: { streamWrite: escapeControls },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Structured JSON logs; bind callId / appointmentId / jobId with logger.child({ … }). */
export const logger = createLogger();

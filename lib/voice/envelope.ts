import { z } from "zod";
import { inspectJson } from "./json-limits";

// Retell ids are letters, digits, "_" and "-" ("call_272edd18…", older ones without the prefix).
const retellId = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "must be 1–128 letters, digits, '_' or '-'");

// Anything outside these years is a broken or forged timestamp; 8.64e15 is not even a valid timestamptz.
const EARLIEST_MS = Date.UTC(2000, 0, 1);
const LATEST_MS = Date.UTC(2100, 0, 1);
const INSTANT_MESSAGE = "must be whole milliseconds since 1970 between 2000-01-01 and 2100-01-01";
const instantMs = z
  .number({ error: INSTANT_MESSAGE })
  .int({ error: INSTANT_MESSAGE })
  .min(EARLIEST_MS, { error: INSTANT_MESSAGE })
  .lt(LATEST_MS, { error: INSTANT_MESSAGE });

const MAX_DURATION_MS = 30 * 24 * 3_600_000;

/** Retell's call object as far as SlotDesk reads it; everything else is kept in raw_payload. */
export const retellCall = z
  .object({
    call_id: retellId,
    agent_id: z.string().max(200).nullish(),
    from_number: z.string().max(40).nullish(),
    to_number: z.string().max(40).nullish(),
    direction: z.enum(["inbound", "outbound"]).nullish().catch(null),
    call_status: z.enum(["registered", "not_connected", "ongoing", "ended", "error"]).nullish().catch(null),
    start_timestamp: instantMs.nullish(),
    end_timestamp: instantMs.nullish(),
    duration_ms: z.number().int().nonnegative().max(MAX_DURATION_MS).nullish(),
    transcript: z.string().nullish(),
    transcript_object: z
      .array(z.object({ role: z.string(), content: z.string() }).passthrough())
      .nullish()
      .catch(null),
    disconnection_reason: z.string().max(200).nullish(),
    call_analysis: z
      .object({
        call_summary: z.string().nullish(),
        user_sentiment: z.string().nullish(),
        call_successful: z.boolean().nullish(),
      })
      .passthrough()
      .nullish()
      .catch(null),
  })
  .passthrough();

export type RetellCall = z.infer<typeof retellCall>;

/**
 * LLM-filled arguments are a few flat strings. Top-level strings within `text`'s 500 characters
 * (`notes`: 2 000) mean a parsed request never fails later inside a function, where it would answer
 * `internal` after the call row was written.
 */
export const ARGS_LIMITS = {
  maxDepth: 8,
  maxValues: 500,
  maxStringChars: 2000,
  maxTextChars: 500,
  maxJsonChars: 32 * 1024,
};
const LONG_TEXT_ARGS = new Set(["notes"]);

const functionArgs = z
  .record(z.string(), z.unknown())
  .nullish()
  .transform((v) => v ?? {})
  .superRefine((args, ctx) => {
    const issues = inspectJson(args, ARGS_LIMITS);
    for (const { path, message } of issues) ctx.addIssue({ code: "custom", message, path });
    if (issues.length > 0) return;
    const { maxTextChars } = ARGS_LIMITS;
    for (const [key, value] of Object.entries(args)) {
      if (typeof value !== "string" || LONG_TEXT_ARGS.has(key) || value.length <= maxTextChars) continue;
      ctx.addIssue({ code: "custom", message: `text is longer than ${maxTextChars} characters`, path: [key] });
    }
    if (JSON.stringify(args).length > ARGS_LIMITS.maxJsonChars) {
      ctx.addIssue({ code: "custom", message: `is larger than ${ARGS_LIMITS.maxJsonChars} characters of JSON` });
    }
  });

export const functionEnvelope = z.object({
  name: z.string().min(1).max(64),
  call: retellCall,
  args: functionArgs,
});

export type FunctionEnvelope = z.infer<typeof functionEnvelope>;

export const webhookEnvelope = z.object({
  event: z.string().min(1).max(100),
  call: retellCall,
});

export const FUNCTION_NAMES = [
  "get_current_time",
  "list_services",
  "check_availability",
  "book_appointment",
  "cancel_appointment",
  "reschedule_appointment",
  "get_customer_appointments",
] as const;

export type FunctionName = (typeof FUNCTION_NAMES)[number];

export const isFunctionName = (name: string): name is FunctionName =>
  (FUNCTION_NAMES as readonly string[]).includes(name);

import { z } from "zod";

/** Retell's call object as far as SlotDesk reads it; everything else is kept in raw_payload. */
export const retellCall = z
  .object({
    call_id: z.string().min(1).max(200),
    agent_id: z.string().max(200).nullish(),
    from_number: z.string().max(40).nullish(),
    to_number: z.string().max(40).nullish(),
    direction: z.enum(["inbound", "outbound"]).nullish().catch(null),
    call_status: z.enum(["registered", "not_connected", "ongoing", "ended", "error"]).nullish().catch(null),
    start_timestamp: z.number().int().positive().nullish(),
    end_timestamp: z.number().int().positive().nullish(),
    duration_ms: z.number().int().nonnegative().nullish(),
    transcript: z.string().nullish(),
    transcript_object: z.array(z.object({ role: z.string(), content: z.string() }).passthrough()).nullish().catch(null),
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

export const functionEnvelope = z.object({
  name: z.string().min(1).max(64),
  call: retellCall,
  args: z.record(z.string(), z.unknown()).nullish().transform((v) => v ?? {}),
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

export const isFunctionName = (name: string): name is FunctionName => (FUNCTION_NAMES as readonly string[]).includes(name);

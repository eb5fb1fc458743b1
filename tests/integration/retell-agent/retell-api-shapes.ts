import { z } from "zod";

// Read off retell-sdk 5.66 resources/llm.d.ts and agent.d.ts (LlmCreateParams, AgentCreateParams, their
// Update twins): required fields, enums, types. Strict objects: a field the SDK does not know is refused.
// Only the fields SlotDesk sends are listed; anything else fails the test until it is added here.

const LLM_MODELS = ["gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "gpt-5", "gpt-5-mini", "gpt-5-nano"] as const;
const LANGUAGES = ["en-US", "en-GB", "de-DE", "es-ES", "fr-FR", "it-IT", "nl-NL", "pl-PL", "tr-TR", "multi"] as const;
const VOICE_MODELS = ["eleven_flash_v2", "eleven_flash_v2_5", "eleven_multilingual_v2", "eleven_v3", "tts-1"] as const;
const WEBHOOK_EVENTS = ["call_started", "call_ended", "call_analyzed", "transcript_updated"] as const;

const toolParameters = z
  .strictObject({
    type: z.literal("object"),
    properties: z.record(z.string(), z.record(z.string(), z.unknown())),
    required: z.array(z.string()).optional(),
  })
  .refine((p) => (p.required ?? []).every((name) => name in p.properties), "required names a missing property");

const customTool = z.strictObject({
  type: z.literal("custom"),
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  url: z.string().url(),
  description: z.string().optional(),
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).optional(),
  args_at_root: z.boolean().optional(),
  parameters: toolParameters.optional(),
  headers: z.record(z.string(), z.string()).optional(),
  speak_during_execution: z.boolean().optional(),
  speak_after_execution: z.boolean().optional(),
  execution_message_description: z.string().optional(),
  execution_message_type: z.enum(["prompt", "static_text"]).optional(),
  timeout_ms: z.number().int().min(1000).max(600_000).optional(),
  max_retry: z.number().int().min(0).max(5).optional(),
});

export const llmBody = z
  .strictObject({
    model: z.enum(LLM_MODELS).nullish(),
    model_temperature: z.number().min(0).max(1).optional(),
    start_speaker: z.enum(["user", "agent"]).optional(),
    begin_message: z.string().nullish(),
    general_prompt: z.string().nullish(),
    default_dynamic_variables: z.record(z.string(), z.string()).nullish(),
    general_tools: z.array(customTool).nullish(),
  })
  .refine((b) => new Set(b.general_tools?.map((t) => t.name)).size === (b.general_tools?.length ?? 0), {
    message: "tool names must be unique",
  });

const agentFields = {
  agent_name: z.string().nullish(),
  voice_model: z.enum(VOICE_MODELS).nullish(),
  language: z.enum(LANGUAGES).optional(),
  webhook_url: z.string().url().nullish(),
  webhook_events: z.array(z.enum(WEBHOOK_EVENTS)).nullish(),
};
const responseEngine = z.strictObject({
  type: z.literal("retell-llm"),
  llm_id: z.string().min(1),
  version: z.number().int().nullish(),
});

export const agentCreateBody = z.strictObject({
  response_engine: responseEngine,
  voice_id: z.string().min(1),
  ...agentFields,
});
export const agentUpdateBody = z.strictObject({
  response_engine: responseEngine.optional(),
  voice_id: z.string().min(1).optional(),
  ...agentFields,
});

import type Retell from "retell-sdk";
import { appUrl as configuredAppUrl } from "../../env";
import { FUNCTION_NAMES } from "../envelope";
import { FUNCTION_DEFINITIONS, toolParameters } from "./function-definitions";
import { BEGIN_MESSAGE_DE, SYSTEM_PROMPT_DE } from "./system-prompt.de";

export type LlmParams = Retell.LlmCreateParams & Retell.LlmUpdateParams;
export type AgentParams = Retell.AgentCreateParams;

/** A voice Retell documents for its examples; eleven_multilingual_v2 makes it speak German. */
export const DEFAULT_VOICE_ID = "11labs-Adrian";

/** Where Retell sends function calls and call events for this installation (from APP_URL). */
export function retellUrls(appUrl = configuredAppUrl()): { functionUrl: string; webhookUrl: string } {
  const base = appUrl.replace(/\/+$/, "");
  return { functionUrl: `${base}/api/retell/function`, webhookUrl: `${base}/api/retell/webhook` };
}

/**
 * The Retell LLM: German prompt and one custom tool per function, all posting to the one function URL.
 * Every function is idempotent (contract §1), so Retell may retry twice; a stuck request fails after 10 s.
 */
export function retellLlmParams({ salonName, appUrl }: { salonName: string; appUrl?: string }): LlmParams {
  const { functionUrl } = retellUrls(appUrl);
  return {
    model: "gpt-4.1",
    model_temperature: 0,
    start_speaker: "agent",
    begin_message: BEGIN_MESSAGE_DE,
    general_prompt: SYSTEM_PROMPT_DE,
    default_dynamic_variables: { salon_name: salonName },
    general_tools: FUNCTION_NAMES.map((name): Retell.LlmCreateParams.CustomTool => {
      const definition = FUNCTION_DEFINITIONS[name];
      return {
        type: "custom",
        name,
        description: definition.description,
        url: functionUrl,
        method: "POST",
        args_at_root: false,
        parameters: toolParameters(definition.args),
        speak_during_execution: definition.speakDuringExecution,
        ...(definition.speakDuringExecution && {
          execution_message_description: "Kurz und natürlich sagen, dass Sie nachsehen, z. B. „Einen Moment bitte.“",
          execution_message_type: "prompt" as const,
        }),
        speak_after_execution: true,
        timeout_ms: 10_000,
        max_retry: 2,
      };
    }),
  };
}

/** The voice agent on that LLM: German, call events to the webhook URL. */
export function retellAgentParams(input: {
  llmId: string;
  salonName: string;
  voiceId?: string;
  appUrl?: string;
}): AgentParams {
  return {
    agent_name: `SlotDesk – ${input.salonName}`,
    response_engine: { type: "retell-llm", llm_id: input.llmId },
    voice_id: input.voiceId ?? DEFAULT_VOICE_ID,
    voice_model: "eleven_multilingual_v2",
    language: "de-DE",
    webhook_url: retellUrls(input.appUrl).webhookUrl,
    webhook_events: ["call_started", "call_ended", "call_analyzed"],
  };
}

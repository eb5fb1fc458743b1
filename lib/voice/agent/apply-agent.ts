import Retell, {
  APIConnectionError,
  APIError,
  AuthenticationError,
  NotFoundError,
  PermissionDeniedError,
} from "retell-sdk";
import { storeRetellIds } from "../../companies";
import type { Ctx } from "../../context";
import { env } from "../../env";
import { AppError } from "../../errors";
import { retellAgentParams, retellLlmParams } from "./agent-config";

const RETELL_API_URL = "https://api.retellai.com";

export type AppliedAgent = { llmId: string; agentId: string; llmCreated: boolean; agentCreated: boolean };

/** The SDK reads RETELL_BASE_URL itself when no baseURL is given; only lib/env decides here. */
function retellClient(): { client: Retell; baseURL: string } {
  const baseURL = env().RETELL_API_BASE_URL ?? RETELL_API_URL;
  return { client: new Retell({ apiKey: env().RETELL_API_KEY, baseURL, maxRetries: 1, timeout: 30_000 }), baseURL };
}

/** Updates what the company already has; an id Retell no longer knows is created anew. */
async function upsert<T>(id: string | null, update: (id: string) => Promise<T>, create: () => Promise<T>) {
  if (id) {
    try {
      return { value: await update(id), created: false };
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  return { value: await create(), created: true };
}

function germanError(error: unknown, baseURL: string): unknown {
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) {
    return new AppError(
      "UNAUTHENTICATED",
      "Retell hat den API-Schlüssel abgelehnt. Bitte prüfen Sie RETELL_API_KEY – es muss der Schlüssel mit dem " +
        "Webhook-Abzeichen aus dem Retell-Dashboard sein.",
    );
  }
  if (error instanceof APIConnectionError) return new AppError("INTERNAL", `Retell ist nicht erreichbar (${baseURL}).`);
  if (error instanceof APIError) {
    return new AppError("VALIDATION", `Retell hat die Anfrage abgelehnt (HTTP ${error.status}): ${error.message}`);
  }
  return error;
}

/**
 * Creates or updates the company's Retell LLM and agent with the server's RETELL_API_KEY — the key the
 * function route verifies signatures with — and stores both ids; the agent id routes calls to this company.
 */
export async function applyRetellAgent({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { voiceId?: string };
}): Promise<AppliedAgent> {
  const { client, baseURL } = retellClient();
  const salonName = ctx.company.name;
  try {
    const llmParams = retellLlmParams({ salonName });
    const llm = await upsert(
      ctx.company.retellLlmId,
      (id) => client.llm.update(id, llmParams),
      () => client.llm.create(llmParams),
    );
    const llmId = llm.value.llm_id;
    // Stored at once: should the agent step fail, the next run updates this LLM instead of making another.
    if (llmId !== ctx.company.retellLlmId) await storeRetellIds({ ctx, input: { retellLlmId: llmId } });

    const agentParams = retellAgentParams({ llmId, salonName, voiceId: input.voiceId });
    // Without --voice an update keeps the voice chosen in the dashboard.
    const { voice_id: _voice, voice_model: _model, ...keepVoice } = agentParams;
    const agent = await upsert(
      ctx.company.retellAgentId,
      (id) => client.agent.update(id, input.voiceId ? agentParams : keepVoice),
      () => client.agent.create(agentParams),
    );
    const agentId = agent.value.agent_id;
    if (agentId !== ctx.company.retellAgentId) await storeRetellIds({ ctx, input: { retellAgentId: agentId } });
    return { llmId, agentId, llmCreated: llm.created, agentCreated: agent.created };
  } catch (error) {
    throw germanError(error, baseURL);
  }
}

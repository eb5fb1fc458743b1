import { findCompanyByAgentId, recordAgentSighting } from "@/lib/companies";
import { getDb } from "@/lib/db";
import { invalidRequest, json, respond } from "@/lib/http";
import {
  functionEnvelope,
  isFunctionName,
  handleFunctionCall,
  functionCallFailed,
  parseJson,
  readSignedBody,
  formatIssues,
  technicalProblem,
  withinAnswerDeadline,
} from "@/lib/voice";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 64 * 1024;

const MISSING_CALL_MESSAGE =
  'The request has no `call` object. Switch off "Payload: args only" for this custom function in Retell ' +
  "so the envelope {name, args, call} is sent.";

/**
 * All custom functions of the Retell agent (contract §1). Everything malformed is refused with 400
 * before the first write: the body's shape, depth and text here, the envelope's fields by zod.
 */
export const POST = respond(async (request: Request): Promise<Response> => {
  const startedAt = performance.now();
  const body = await readSignedBody(request, MAX_BODY_BYTES);
  if ("response" in body) return body.response;

  const parsedJson = parseJson(body.raw);
  if (!parsedJson.ok) return invalidRequest(parsedJson.details);
  const value = parsedJson.value;
  if (value && typeof value === "object" && !Array.isArray(value) && !("call" in value)) {
    return json({ error: "missing_call", message: MISSING_CALL_MESSAGE }, 400);
  }
  const envelope = functionEnvelope.safeParse(value);
  if (!envelope.success) return invalidRequest(formatIssues(envelope.error.issues));
  const { name, call } = envelope.data;
  if (!isFunctionName(name)) return json({ error: "unknown_function", name }, 400);

  try {
    // In time or "technical problem" (nothing committed after it): the agent waits at most 10 s.
    return await withinAnswerDeadline(
      getDb(),
      async (db) => {
        const company = await findCompanyByAgentId(db, call.agent_id);
        if (!company) {
          // Signed, but no salon holds this agent yet: the proof an admin needs to take its id.
          await recordAgentSighting(db, call.agent_id, call.call_id);
          return json({ error: "unknown_agent" }, 404);
        }
        const ctx = { db, company, actor: { type: "voice-agent", retellCallId: call.call_id } } as const;
        return json(await handleFunctionCall(ctx, name, envelope.data, startedAt), 200);
      },
      () => json(technicalProblem(), 200),
    );
  } catch (error) {
    return functionCallFailed(error);
  }
});

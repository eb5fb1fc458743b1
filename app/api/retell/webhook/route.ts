import { recordCallEvent } from "@/lib/calls";
import { findCompanyByAgentId, recordAgentSighting } from "@/lib/companies";
import { getDb } from "@/lib/db";
import { invalidRequest, json, respond } from "@/lib/http";
import { webhookEnvelope, foreignCall, parseJson, readSignedBody, formatIssues } from "@/lib/voice";

export const dynamic = "force-dynamic";

// call_analyzed carries the whole transcript with word timings; long calls exceed 64 KB.
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Retell call events (contract §2): upsert the call, 204; a repeated delivery changes nothing.
 * Malformed bodies get 400 with nothing written, as on the function route.
 */
export const POST = respond(async (request: Request): Promise<Response> => {
  const body = await readSignedBody(request, MAX_BODY_BYTES);
  if ("response" in body) return body.response;
  const parsedJson = parseJson(body.raw);
  if (!parsedJson.ok) return invalidRequest(parsedJson.details);
  const envelope = webhookEnvelope.safeParse(parsedJson.value);
  if (!envelope.success) return invalidRequest(formatIssues(envelope.error.issues));
  const { event, call } = envelope.data;

  const db = getDb();
  const company = await findCompanyByAgentId(db, call.agent_id);
  if (!company) {
    // Signed, but no salon holds this agent yet: the proof an admin needs to take its id.
    await recordAgentSighting(db, call.agent_id, call.call_id);
    return json({ error: "unknown_agent" }, 404);
  }
  const ctx = { db, company, actor: { type: "voice-agent", retellCallId: call.call_id } } as const;
  await recordCallEvent(ctx, { event, call, rawBody: body.raw });
  return new Response(null, { status: 204 });
}, foreignCall);

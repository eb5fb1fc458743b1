import { recordCallEvent } from "@/lib/calls/record-call";
import { findCompanyByAgentId } from "@/lib/companies/find-by-agent";
import { getDb } from "@/lib/db/client";
import { webhookEnvelope } from "@/lib/voice/envelope";
import { json, parseJson, readSignedBody } from "@/lib/voice/http";

export const dynamic = "force-dynamic";

// call_analyzed carries the whole transcript with word timings; long calls exceed 64 KB.
const MAX_BODY_BYTES = 1024 * 1024;

/** Retell call events (contract §2): upsert the call, 204; a repeated delivery changes nothing. */
export async function POST(request: Request): Promise<Response> {
  const body = await readSignedBody(request, MAX_BODY_BYTES);
  if ("response" in body) return body.response;
  const parsedJson = parseJson(body.raw);
  if (!parsedJson.ok) return json({ error: "invalid_request", details: "Body is not valid JSON" }, 400);
  const envelope = webhookEnvelope.safeParse(parsedJson.value);
  if (!envelope.success) {
    return json({ error: "invalid_request", details: envelope.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) }, 400);
  }
  const db = getDb();
  const company = await findCompanyByAgentId(db, envelope.data.call.agent_id);
  if (!company) return json({ error: "unknown_agent" }, 404);
  await recordCallEvent({ db, company, actor: { type: "voice-agent", retellCallId: envelope.data.call.call_id } }, { event: envelope.data.event, call: envelope.data.call, rawBody: body.raw });
  return new Response(null, { status: 204 });
}

import { findCompanyByAgentId } from "@/lib/companies/find-by-agent";
import { getDb } from "@/lib/db/client";
import { functionEnvelope, isFunctionName } from "@/lib/voice/envelope";
import { handleFunctionCall } from "@/lib/voice/handle-function";
import { json, parseJson, readSignedBody } from "@/lib/voice/http";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 64 * 1024;

/** All custom functions of the Retell agent (contract §1). */
export async function POST(request: Request): Promise<Response> {
  const startedAt = performance.now();
  const body = await readSignedBody(request, MAX_BODY_BYTES);
  if ("response" in body) return body.response;

  const parsedJson = parseJson(body.raw);
  if (!parsedJson.ok) return json({ error: "invalid_request", details: "Body is not valid JSON" }, 400);
  const value = parsedJson.value;
  if (value && typeof value === "object" && !Array.isArray(value) && !("call" in value)) {
    return json(
      {
        error: "missing_call",
        message: "The request has no `call` object. Switch off \"Payload: args only\" for this custom function in Retell so the envelope {name, args, call} is sent.",
      },
      400,
    );
  }
  const envelope = functionEnvelope.safeParse(value);
  if (!envelope.success) {
    return json({ error: "invalid_request", details: envelope.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) }, 400);
  }
  if (!isFunctionName(envelope.data.name)) return json({ error: "unknown_function", name: envelope.data.name }, 400);

  const db = getDb();
  const company = await findCompanyByAgentId(db, envelope.data.call.agent_id);
  if (!company) return json({ error: "unknown_agent" }, 404);

  const result = await handleFunctionCall({ db, company, actor: { type: "voice-agent", retellCallId: envelope.data.call.call_id } }, envelope.data.name, envelope.data, startedAt);
  return json(result, 200);
}

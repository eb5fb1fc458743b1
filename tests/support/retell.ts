import { createHmac, randomBytes } from "node:crypto";
import { sign } from "retell-sdk";
import { POST as functionRoute } from "@/app/api/retell/function/route";
import { POST as webhookRoute } from "@/app/api/retell/webhook/route";

export const retellKey = () => process.env.RETELL_API_KEY!;

export const newCallId = () => `call_${randomBytes(14).toString("hex").slice(0, 27)}`;

/** A signature in Retell's format for a chosen timestamp (to test expired ones). */
export function signAt(body: string, key: string, timestampMs: number): string {
  const digest = createHmac("sha256", key)
    .update(body + timestampMs)
    .digest("hex");
  return `v=${timestampMs},d=${digest}`;
}

export async function signedRequest(
  path: string,
  body: string,
  options: { key?: string; signature?: string | null } = {},
): Promise<Request> {
  const signature = options.signature === undefined ? await sign(body, options.key ?? retellKey()) : options.signature;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature) headers["x-retell-signature"] = signature;
  return new Request(`http://localhost${path}`, { method: "POST", headers, body });
}

export type CallInfo = {
  call_id: string;
  agent_id: string;
  from_number?: string | null;
  to_number?: string;
  start_timestamp?: number;
};

/** Calls POST /api/retell/function exactly as Retell would, returning status and JSON. */
export async function callFunction(name: string, args: Record<string, unknown>, call: CallInfo) {
  const body = JSON.stringify({
    name,
    args,
    call: { call_type: "phone_call", direction: "inbound", call_status: "ongoing", to_number: "+4930123456", ...call },
  });
  const response = await functionRoute(await signedRequest("/api/retell/function", body));
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

export async function sendWebhook(event: string, call: Record<string, unknown>) {
  const body = JSON.stringify({ event, call });
  const response = await webhookRoute(await signedRequest("/api/retell/webhook", body));
  return response.status;
}

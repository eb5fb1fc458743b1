import { getDb } from "@/lib/db/client";
import { BodyTooLargeError, readRawBody } from "@/lib/http/raw-body";
import { companyForSignature, processCalcomWebhook, webhookSchema } from "@/lib/calcom/sync/calcom-webhook";

export const dynamic = "force-dynamic";

const json = (body: unknown, status: number) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

/** Cal.com webhooks (contract §3), verified on the raw body with the company's webhook secret. */
export async function POST(request: Request): Promise<Response> {
  let raw: string;
  try {
    raw = await readRawBody(request, 1024 * 1024);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return json({ error: "payload_too_large" }, 413);
    throw error;
  }
  const db = getDb();
  const company = await companyForSignature(db, raw, request.headers.get("x-cal-signature-256"), new URL(request.url).searchParams.get("company"));
  if (!company) return json({ error: "invalid_signature" }, 401);
  let parsed;
  try {
    parsed = webhookSchema.safeParse(JSON.parse(raw));
  } catch {
    return json({ error: "invalid_request", details: "Body is not valid JSON" }, 400);
  }
  if (!parsed.success) return json({ error: "invalid_request", details: parsed.error.issues.map((i) => i.message) }, 400);
  const result = await processCalcomWebhook(db, company, raw, parsed.data);
  return json({ ok: true, ...result }, 200);
}

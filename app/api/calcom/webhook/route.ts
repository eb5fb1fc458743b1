import { getDb } from "@/lib/db";
import { readRawBody, invalidRequest, json, respond } from "@/lib/http";
import { companyForSignature, processCalcomWebhook, webhookSchema } from "@/lib/calcom/sync";

export const dynamic = "force-dynamic";

/** Cal.com webhooks (contract §3), verified on the raw body with the company's webhook secret. */
export const POST = respond(async (request: Request): Promise<Response> => {
  const raw = await readRawBody(request, 1024 * 1024);
  const db = getDb();
  const signature = request.headers.get("x-cal-signature-256");
  const company = await companyForSignature(db, raw, signature, new URL(request.url).searchParams.get("company"));
  if (!company) return json({ error: "invalid_signature" }, 401);
  let parsed;
  try {
    parsed = webhookSchema.safeParse(JSON.parse(raw));
  } catch {
    return invalidRequest("Body is not valid JSON");
  }
  if (!parsed.success) return invalidRequest(parsed.error.issues.map((i) => i.message));
  const result = await processCalcomWebhook(db, company, raw, parsed.data);
  return json({ ok: true, ...result }, 200);
});

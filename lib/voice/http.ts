import { BodyTooLargeError, readRawBody } from "../http/raw-body";
import { formatIssues, inspectJson, type JsonIssue } from "./json-limits";
import { isValidRetellSignature } from "./signature";

export const json = (body: unknown, status: number) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

/** Body within the limit and correctly signed, or the HTTP answer to give instead. */
export async function readSignedBody(request: Request, limit: number): Promise<{ raw: string } | { response: Response }> {
  let raw: string;
  try {
    raw = await readRawBody(request, limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { response: json({ error: "payload_too_large", limit_bytes: limit }, 413) };
    throw error;
  }
  if (!(await isValidRetellSignature(raw, request.headers.get("x-retell-signature")))) {
    return { response: json({ error: "invalid_signature" }, 401) };
  }
  return { raw };
}

// Retell's own call objects are about six levels deep; the bound keeps every later walk (zod,
// JSON.stringify, PostgreSQL's jsonb parser) far from its recursion limit.
const MAX_BODY_DEPTH = 32;

/** The body as JSON that PostgreSQL can store and nothing downstream chokes on, or what is wrong with it. */
export function parseJson(raw: string): { ok: true; value: unknown } | { ok: false; details: JsonIssue[] } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, details: [{ path: "", message: "Body is not valid JSON" }] };
  }
  const issues = inspectJson(value, { maxDepth: MAX_BODY_DEPTH });
  return issues.length > 0 ? { ok: false, details: formatIssues(issues) } : { ok: true, value };
}

/** 400 invalid_request with a list of { path, message }. */
export const invalidRequest = (details: JsonIssue[]) => json({ error: "invalid_request", details }, 400);

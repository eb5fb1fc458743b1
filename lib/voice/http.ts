import { BodyTooLargeError, readRawBody } from "../http/raw-body";
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

export function parseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

import { CallOfAnotherCompanyError } from "../calls";
import { readRawBody, invalidRequest, json } from "../http";
import { logger } from "../logger";
import { loggableError } from "./safe-error";
import { technicalProblem } from "./types";
import { formatIssues, inspectJson, type JsonIssue } from "./json-limits";
import { isValidRetellSignature } from "./signature";

type SignedBody = { raw: string } | { response: Response };

/**
 * Body within the limit (else BodyTooLargeError, which `respond` answers with 413) and correctly
 * signed, or the 401 to give instead.
 */
export async function readSignedBody(request: Request, limit: number): Promise<SignedBody> {
  const raw = await readRawBody(request, limit);
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

/** A call id already taken by another company's call: refused like any bad call_id, nothing written. */
export const foreignCall = (error: unknown) =>
  error instanceof CallOfAnotherCompanyError
    ? invalidRequest([{ path: "call.call_id", message: "belongs to a call of another company" }])
    : undefined;

/**
 * A well-formed, signed function call that SlotDesk could not serve — the database restarting, a bug:
 * the contract's `internal` failure with a sentence the agent can say (HTTP 200), never a bare 500.
 * Nothing of it was committed: the functions answer only after their transaction.
 */
export function functionCallFailed(error: unknown): Response {
  const refused = foreignCall(error);
  if (refused) return refused;
  logger.error({ err: loggableError(error) }, "voice function call failed");
  return json(technicalProblem(), 200);
}

import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { badRequest, validationError } from "./errors";

/** Small node:http helpers: body reading, JSON parsing and validation, responses. */

const MAX_BODY = 1_000_000;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(badRequest("request entity too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** JSON body or undefined when empty; 400 (like body-parser) when malformed. */
export function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(err instanceof Error ? err.message : "Invalid JSON body");
  }
}

/**
 * Body/query validation with zod. Unknown properties are stripped (Cal.com's global
 * `ValidationPipe({ whitelist: true })`) unless the schema is strict; failures become a 400 in
 * class-validator's flattened format.
 */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  throw validationError(
    result.error.issues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => ({ prop: key, message: `property ${key} should not exist` }))
        : [{ prop: issue.path.length ? issue.path.map(String).join(".") : "body", message: issue.message }],
    ),
  );
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(text)),
  });
  res.end(text);
}

/** What a gateway in front of Cal.com answers when the upstream never responds. */
export function sendGatewayTimeout(res: ServerResponse, headers: Record<string, string> = {}): void {
  if (res.writableEnded || res.destroyed) return;
  const html =
    "<html><head><title>504 Gateway Time-out</title></head><body><h1>504 Gateway Time-out</h1></body></html>";
  res.writeHead(504, { ...headers, "Content-Type": "text/html; charset=utf-8", "Content-Length": String(html.length) });
  res.end(html);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

import type { output, ZodType } from "zod";
export type AppErrorCode =
  | "VALIDATION"
  | "NOT_FOUND"
  | "CONFLICT"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "SLOT_TAKEN"
  | "UNAVAILABLE"
  | "IN_PAST"
  | "OUTSIDE_OPENING_HOURS"
  | "INTERNAL";

/** The one typed error of the service layer; each surface maps it (HTTP JSON, German speech, form state). */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

export function notFound(what: string, details?: Record<string, unknown>): AppError {
  return new AppError("NOT_FOUND", `${what} nicht gefunden`, details);
}

/** drizzle ≥ 0.44 wraps driver errors; the SQLSTATE sits on the cause. */
export function pgErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Parses a verb's input; bad input becomes VALIDATION with every problem listed, never a raw ZodError. */
export function parseInput<S extends ZodType>(schema: S, input: unknown): output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  throw new AppError("VALIDATION", issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; "), {
    issues,
  });
}

import "server-only";
import { z } from "zod";
import { type AdminCtx, requireAdminAction } from "../auth/web";
import { AppError } from "../errors";
import { type ActionState, actionError } from "./action-state";

/** The arguments a server action is called with, as one tuple schema: `z.tuple([id, form(read)])`. */
export type ActionArgs = z.ZodType<unknown, unknown[]>;
type Handler<S extends ActionArgs, R> = (call: { ctx: AdminCtx; input: z.output<S> }) => Promise<R>;
export type ServerAction<S extends ActionArgs, R> = (...args: Extract<z.input<S>, unknown[]>) => Promise<R>;

const german = z.locales.de();

/** Reads a posted form into the shape a verb or schema expects; the page decides which fields mean what. */
export const form = <T>(read: (data: FormData) => T) => z.instanceof(FormData).transform(read);

/** Bad arguments become VALIDATION like a verb's own; the first issue is the sentence the person reads. */
function invalid(error: z.ZodError): AppError {
  const issues = error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
  return new AppError("VALIDATION", issues[0]?.message ?? "Ungültige Eingabe.", { issues });
}

/**
 * A server action for the signed-in admin: session and tenant first (an expired session writes
 * nothing), then the arguments through `schema`, then `handler`. Every error becomes the form state
 * `onError` makes of it — `actionError` unless the page shows its own shape.
 */
export function adminAction<S extends ActionArgs>(
  schema: S,
  handler: Handler<S, ActionState>,
): ServerAction<S, ActionState>;
export function adminAction<S extends ActionArgs, R>(
  schema: S,
  handler: Handler<S, R>,
  onError: (error: unknown) => R,
): ServerAction<S, R>;
export function adminAction<S extends ActionArgs, R>(
  schema: S,
  handler: Handler<S, R>,
  onError: (error: unknown) => R = actionError as (error: unknown) => R,
): ServerAction<S, R> {
  return async (...args) => {
    try {
      const ctx = await requireAdminAction();
      // Our schemas carry their own German sentences; the locale covers zod's defaults.
      const parsed = schema.safeParse(args, { error: german.localeError });
      if (!parsed.success) throw invalid(parsed.error);
      return await handler({ ctx, input: parsed.data });
    } catch (error) {
      return onError(error);
    }
  };
}

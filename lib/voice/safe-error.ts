import { pgErrorCode } from "../errors";

const FRAMES = 6;

/**
 * An error as the logs may show it, without the data it carries: drizzle puts a failed query's
 * parameters (names, phone numbers, the call's args) into its message, so database errors are
 * described by SQLSTATE and the constraint, table and column PostgreSQL names.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const frames = (error.stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at "));
  const stack = frames.slice(0, FRAMES).join("\n");
  const code = pgErrorCode(error);
  if (code === undefined) return { type: error.name, message: error.message.split("\n")[0]!.slice(0, 200), stack };
  type PgFields = { constraint_name?: string; table_name?: string; column_name?: string; routine?: string };
  const cause = (error.cause ?? error) as PgFields;
  return {
    type: error.name,
    code,
    constraint: cause.constraint_name,
    table: cause.table_name,
    column: cause.column_name,
    routine: cause.routine,
    stack,
  };
}

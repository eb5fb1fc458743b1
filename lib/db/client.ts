import "server-only";
import { DrizzleQueryError } from "drizzle-orm";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env, tunable } from "../env";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction handle; services accept either, so callers decide the transaction boundary. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export type DbHandle = { db: Db; sql: postgres.Sql; close: () => Promise<void> };

/**
 * Statements with more parameters than this (bulk inserts of the seed or an import) stay unnamed:
 * each is a one-off, and naming it would only fill the connection's statement cache.
 */
export const PREPARE_MAX_PARAMETERS = 100;

type UnsafeOptions = { prepare?: boolean } & Record<string, unknown>;

/**
 * drizzle sends every query it builds as an unnamed statement (`prepare: false`). postgres.js then
 * asks the server for the parameter types in one round trip and binds in a second, and PostgreSQL
 * parses and plans the text anew each time. This view of the client lets postgres.js prepare
 * them instead — named per connection and keyed by the SQL text, so a repeated query is one round
 * trip and no re-parse. Transactions and savepoints hand drizzle the same view. A pool opened with
 * `prepare: false` (PgBouncer in transaction mode) keeps unnamed statements: postgres.js ANDs the
 * pool setting with the per-query one. PostgreSQL may give a statement a generic plan after five
 * runs; on the admin lists at 100 000 / 150 000 rows (bench item 5 alone) that measured the same
 * as planning every run.
 */
export function preparingClient<T extends postgres.Sql>(client: T): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === "unsafe") {
        return (query: string, params?: unknown[], options?: UnsafeOptions) =>
          target.unsafe(
            query,
            params as postgres.ParameterOrJSON<never>[],
            options?.prepare === false && (params?.length ?? 0) <= PREPARE_MAX_PARAMETERS
              ? { ...options, prepare: true }
              : options,
          );
      }
      if (prop === "begin" || prop === "savepoint") {
        const original = Reflect.get(target, prop, receiver) as (...args: unknown[]) => Promise<unknown>;
        return (...args: unknown[]) => {
          const callback = args.pop() as (tx: postgres.Sql) => unknown;
          return original.call(target, ...args, (tx: postgres.Sql) => callback(preparingClient(tx)));
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

/**
 * Server-side limits of one connection in milliseconds (0 = none): a statement, a wait for a lock, a
 * transaction left open while the client does something else. The web and worker pools set them from
 * DB_STATEMENT_TIMEOUT_MS, DB_LOCK_TIMEOUT_MS and DB_IDLE_IN_TRANSACTION_TIMEOUT_MS; scripts (migrations,
 * seeding, the bench's bulk loads) run without.
 */
export type DbTimeouts = { statementMs: number; lockMs: number; idleInTransactionMs: number };

/** Row values PostgreSQL quotes in an error (`Key (phone)=(…) already exists`, a failing row). */
const QUOTED_VALUES = ["detail", "where"];

/**
 * drizzle writes every bound parameter of a failed query into DrizzleQueryError's message, and
 * Next.js and pg-boss print or store errors themselves: so the parameters (names, phone numbers)
 * never enter the error, which keeps the SQL text and its cause (with the SQLSTATE). The row values
 * the cause quotes stay readable to code but are left out of printed and logged copies.
 */
function keepParametersOutOfQueryErrors(): void {
  const proto = DrizzleQueryError.prototype;
  if (Object.hasOwn(proto, "params")) return;
  Object.defineProperties(proto, {
    params: {
      get: () => undefined,
      set(this: Error) {
        this.message = this.message.replace(/\nparams: [\s\S]*$/, "");
      },
    },
    cause: {
      get: () => undefined,
      set(this: Error, cause: unknown) {
        if (cause instanceof Error)
          for (const key of QUOTED_VALUES)
            if (Object.hasOwn(cause, key)) Object.defineProperty(cause, key, { enumerable: false });
        Object.defineProperty(this, "cause", { value: cause, writable: true, configurable: true });
      },
    },
  });
}
keepParametersOutOfQueryErrors();

/** Sees every statement a pool sends, with its parameters (the query-plan check; never in production). */
export type QueryListener = (query: string, parameters: unknown[]) => void;

/** The only place that opens PostgreSQL connections. */
export function createDb(
  url: string,
  options: {
    max?: number;
    applicationName?: string;
    timeouts?: DbTimeouts;
    idleTimeoutSeconds?: number;
    onQuery?: QueryListener;
  } = {},
): DbHandle {
  const limits = options.timeouts
    ? {
        statement_timeout: options.timeouts.statementMs,
        lock_timeout: options.timeouts.lockMs,
        idle_in_transaction_session_timeout: options.timeouts.idleInTransactionMs,
      }
    : {};
  const sql = postgres(url, {
    max: options.max ?? 10,
    idle_timeout: options.idleTimeoutSeconds ?? 30,
    // postgres.js waits 3^n/100 s (up to 20 s) before the n-th reconnect, counted over the whole pool:
    // after a database restart the pool would sit idle for many seconds. At most 1 s here.
    backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 1),
    // A connection attempt that gets no answer is given up after 10 s (postgres.js: 30 s).
    connect_timeout: 10,
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? "slotdesk", ...limits },
    // postgres.js also makes a failed query's parameters enumerable when debug is set: only for the plan check.
    ...(options.onQuery
      ? { debug: (_connection: number, query: string, parameters: unknown[]) => options.onQuery!(query, parameters) }
      : {}),
  });
  const db = drizzle(preparingClient(sql), { schema });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}

const globalForDb = globalThis as unknown as {
  slotdeskDb?: DbHandle & { url: string };
  slotdeskQueryListener?: QueryListener;
};

/**
 * The query-plan check (scripts/lib/hot-queries.ts) records what the service layer sends: the next
 * process-wide pool reports every statement to `listener` (close the current one first).
 */
export function observeQueries(listener: QueryListener | null): void {
  globalForDb.slotdeskQueryListener = listener ?? undefined;
}

/** The process-wide pool for DATABASE_URL (kept across hot reloads in development). */
export function getDbHandle(): DbHandle {
  const url = env().DATABASE_URL;
  const current = globalForDb.slotdeskDb;
  if (current && current.url === url) return current;
  const handle = createDb(url, {
    max: tunable("DB_POOL_MAX"),
    timeouts: {
      statementMs: tunable("DB_STATEMENT_TIMEOUT_MS"),
      lockMs: tunable("DB_LOCK_TIMEOUT_MS"),
      idleInTransactionMs: tunable("DB_IDLE_IN_TRANSACTION_TIMEOUT_MS"),
    },
    onQuery: globalForDb.slotdeskQueryListener,
  });
  globalForDb.slotdeskDb = { ...handle, url };
  return globalForDb.slotdeskDb;
}

export function getDb(): Db {
  return getDbHandle().db;
}

export async function closeDb(): Promise<void> {
  const current = globalForDb.slotdeskDb;
  globalForDb.slotdeskDb = undefined;
  await current?.close();
}

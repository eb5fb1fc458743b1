import "server-only";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction handle; services accept either, so callers decide the transaction boundary. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export type DbHandle = { db: Db; sql: postgres.Sql; close: () => Promise<void> };

/** The only place that opens PostgreSQL connections. */
export function createDb(url: string, options: { max?: number; applicationName?: string } = {}): DbHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    idle_timeout: 30,
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? "slotdesk" },
  });
  const db = drizzle(sql, { schema });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}

const globalForDb = globalThis as unknown as { slotdeskDb?: DbHandle & { url: string } };

/** The process-wide pool for DATABASE_URL (kept across hot reloads in development). */
export function getDbHandle(): DbHandle {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const current = globalForDb.slotdeskDb;
  if (current && current.url === url) return current;
  const handle = createDb(url, { max: Number(process.env.DB_POOL_MAX ?? 10) });
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

import { type SQL, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { DbOrTx } from "../db";

/**
 * Lets pg-boss insert its job through our drizzle transaction, so a job exists exactly when the
 * change it is about commits (transactional enqueue). pg-boss hands over "$1…$n" SQL and values.
 */
export function bossDb(tx: DbOrTx): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const parts = text.split(/\$(\d+)/);
      const chunks: SQL[] = [];
      for (let i = 0; i < parts.length; i++) {
        if (i % 2 === 0) chunks.push(sql.raw(parts[i]!));
        else {
          const value = values[Number(parts[i]) - 1];
          // Objects (job data) travel as JSON text; pg-boss casts them (::jsonb) itself.
          chunks.push(
            sql`${value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : (value ?? null)}`,
          );
        }
      }
      const rows = await tx.execute(sql.join(chunks, sql.raw("")));
      return { rows: [...rows] };
    },
  };
}

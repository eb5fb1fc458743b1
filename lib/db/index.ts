export { createDb, getDb } from "./client";
export type { Db, DbOrTx, Tx } from "./client";
export { migrateDatabase } from "./migrate";
export { retryOnSerializationFailure } from "./retry";
export * from "./schema";
export { isConnectionLost } from "./connection-lost";

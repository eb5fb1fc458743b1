export { closeDb, createDb, getDb, observeQueries } from "./client";
export type { Db, DbOrTx, QueryListener, Tx } from "./client";
export { migrateDatabase } from "./migrate";
export { retryOnSerializationFailure } from "./retry";
export * from "./schema";
export { isConnectionLost } from "./connection-lost";

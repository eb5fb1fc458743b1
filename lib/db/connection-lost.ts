/** Socket errors and driver codes that mean "the connection to PostgreSQL is gone", not "the query was wrong". */
const SOCKET_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);
const DRIVER_CODES = new Set(["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT"]);

/**
 * True for a lost or refused database connection (a restart, a failover): SQLSTATE class 08
 * (connection exception) and 57P01–57P03 (shut down, crash, starting up), the socket's own errors
 * and postgres.js's connection codes — also when wrapped as the `cause` of a drizzle error.
 */
export function isConnectionLost(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") {
      if (SOCKET_CODES.has(code) || DRIVER_CODES.has(code)) return true;
      if (code.startsWith("08") || ["57P01", "57P02", "57P03"].includes(code)) return true;
    }
    if ((e as Error).message === "Connection terminated unexpectedly") return true; // node-postgres (pg-boss)
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

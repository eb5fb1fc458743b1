import { z } from "zod";

const MISSING = "missing";
const text = () => z.string({ error: (issue) => (issue.input === undefined ? MISSING : undefined) });
const urlWith = (protocols: string[]) => (value: string) => {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
};
const httpUrl = () => text().refine(urlWith(["http:", "https:"]), "must be an http(s):// URL");
// Retell's API is reached over HTTPS; plain HTTP only to a stand-in on this machine (tests).
const retellApiUrl = () =>
  text().refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || (url.protocol === "http:" && url.hostname === "127.0.0.1");
    } catch {
      return false;
    }
  }, "must be an https:// URL (http:// only for 127.0.0.1)");
const wholeNumber = (fallback: number, min: number) => {
  const error = `must be a whole number ≥ ${min}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).default(fallback);
};
const base64Key = text().refine(
  (v) => Buffer.from(v, "base64").length === 32,
  "must be 32 bytes, base64-encoded (openssl rand -base64 32)",
);
const logLevel = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/** Operational tunables: tests and the bench change them while a process runs, so read them with tunable(). */
const tunables = {
  DB_POOL_MAX: wholeNumber(10, 1),
  // Limits of the web and worker connections (ms, 0 = none); see lib/db/client.ts createDb.
  DB_STATEMENT_TIMEOUT_MS: wholeNumber(30_000, 0),
  DB_LOCK_TIMEOUT_MS: wholeNumber(10_000, 0),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: wholeNumber(60_000, 0),
  // Longest a voice function may take before the agent hears "technical problem" (its own timeout is 10 s).
  VOICE_ANSWER_DEADLINE_MS: wholeNumber(6_000, 500),
  CALCOM_VERIFY_DELAY_MS: wholeNumber(2000, 0),
  CALCOM_RATE_LIMIT_PER_MINUTE: wholeNumber(120, 0),
  WORKER_SYNC_CONCURRENCY: wholeNumber(8, 1),
};

/** Every variable the web and worker processes read; README "Configuration" describes each. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: text().refine(urlWith(["postgres:", "postgresql:"]), "must be a postgres:// URL"),
  APP_URL: httpUrl().default("http://localhost:3000"),
  AUTH_SECRET: text().min(32, "must be at least 32 characters"),
  APP_ENCRYPTION_KEY: base64Key,
  RETELL_API_KEY: text(),
  RETELL_API_BASE_URL: retellApiUrl().optional(),
  METRICS_TOKEN: z.string().optional(),
  CALCOM_API_URL: httpUrl().optional(),
  CALCOM_API_KEY: z.string().optional(),
  CALCOM_SIMULATOR_URL: httpUrl().optional(),
  /**
   * Development only: a salon's Cal.com API URL may be http:// and point at this machine or the private
   * network (the bundled simulator). Off, a salon's URL must be https:// on a public address.
   */
  CALCOM_ALLOW_PRIVATE_URLS: z
    .enum(["true", "false", "1", "0"], { error: "must be true or false" })
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  LOG_LEVEL: logLevel.default("info"),
  SLOTDESK_PROCESS: z.string().default("web"),
  ...tunables,
});

export type Env = z.infer<typeof envSchema>;
export type Tunable = keyof typeof tunables;

/** A configuration that cannot work; `problems` holds one "NAME: what is wrong" line per problem. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment configuration:\n${problems.map((p) => `  ${p}`).join("\n")}\nSee .env.example.`);
    this.name = "EnvError";
  }
}

/** process.env without empty values: a line such as `CALCOM_API_KEY=` in .env means "not set". */
function present(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => Boolean(e[1])));
}

function parse(raw: Record<string, string>): Env {
  const parsed = envSchema.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  // Half a pair would silently fall through to the next Cal.com source.
  if (Boolean(raw.CALCOM_API_URL) !== Boolean(raw.CALCOM_API_KEY)) {
    const [set, unset] = raw.CALCOM_API_URL ? ["URL", "KEY"] : ["KEY", "URL"];
    problems.push(`CALCOM_API_${unset}: ${MISSING} (CALCOM_API_${set} is set; set both or neither)`);
  }
  if (!parsed.success || problems.length) throw new EnvError(problems);
  return parsed.data;
}

let cached: Env | undefined;

/** The configuration, parsed once; throws EnvError listing every problem. */
export function env(): Env {
  cached ??= parse(present());
  return cached;
}

/** Tests switch databases between files; they reset the cache after changing process.env. */
export function resetEnvCache(): void {
  cached = undefined;
}

/** A tunable's current value, read anew on every call (its default when unset). */
export function tunable(name: Tunable): number {
  const parsed = tunables[name].safeParse(present()[name]);
  if (!parsed.success) throw new EnvError([`${name}: ${parsed.error.issues[0]?.message}`]);
  return parsed.data;
}

/** APP_URL alone, for what only needs the public address (the Retell agent printout, the settings page). */
export function appUrl(): string {
  const parsed = envSchema.shape.APP_URL.safeParse(present().APP_URL);
  if (!parsed.success) throw new EnvError([`APP_URL: ${parsed.error.issues[0]?.message}`]);
  return parsed.data;
}

/**
 * For the logger, which every module imports before a process can check anything: never throws.
 * A malformed LOG_LEVEL falls back to "info" here and stops the process at its boot check.
 */
export function logSettings(): { level: z.infer<typeof logLevel>; service: string } {
  const raw = present();
  return { level: logLevel.catch("info").parse(raw.LOG_LEVEL ?? "info"), service: raw.SLOTDESK_PROCESS ?? "web" };
}

/** What only the web server needs: in production GET /api/metrics must not be open to anyone. */
function webProblems(raw: Record<string, string>): string[] {
  if (raw.NODE_ENV !== "production" || raw.METRICS_TOKEN) return [];
  return [`METRICS_TOKEN: ${MISSING} (required in production; generate one with: openssl rand -base64 24)`];
}

/** Web (instrumentation.ts) and worker call this first: a configuration that cannot work stops the process. */
export function assertEnvAtBoot(processName: "web" | "worker"): Env {
  const problems = processName === "web" ? webProblems(present()) : [];
  let config: Env | undefined;
  try {
    config = env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    problems.unshift(...error.problems);
  }
  if (config && problems.length === 0) return config;
  const lines = problems.map((p) => `  ${p}`).join("\n");
  console.error(`SlotDesk ${processName} not started, the configuration is invalid:\n${lines}\nSee .env.example.`);
  process.exit(1);
}

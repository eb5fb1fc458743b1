import { z } from "zod";

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded (openssl rand -base64 32)");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url("DATABASE_URL must be a postgres:// URL"),
  APP_URL: z.string().url().default("http://localhost:3000"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
  APP_ENCRYPTION_KEY: base64Key,
  RETELL_API_KEY: z.string().min(1, "RETELL_API_KEY is required to verify Retell signatures"),
  METRICS_TOKEN: z.string().optional(),
  CALCOM_API_URL: z.string().url().optional(),
  CALCOM_API_KEY: z.string().optional(),
  CALCOM_SIM_PORT: z.coerce.number().int().positive().default(3100),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parses process.env once; a missing or malformed setting throws with every problem listed. */
export function env(): Env {
  if (cached) return cached;
  // An empty line such as `CALCOM_API_KEY=` in .env means "not set".
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}\nSee .env.example.`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests switch databases between files; they reset the cache after changing process.env. */
export function resetEnvCache(): void {
  cached = undefined;
}

/**
 * Operational tunables read where they are used (tests and the bench change them at run time, so
 * they are not cached): an integer of at least `min`, or `fallback` when unset. Anything else stops
 * with a clear message instead of turning into NaN somewhere downstream.
 */
export function intSetting(name: string, fallback: number, min = 0): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`Invalid environment configuration:\n  ${name}: must be a whole number ≥ ${min}, got "${raw}"\nSee .env.example.`);
  }
  return value;
}

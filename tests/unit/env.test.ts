import { afterEach, describe, expect, it } from "vitest";
import { EnvError, appUrl, env, logSettings, resetEnvCache, tunable } from "@/lib/env";

const valid = {
  DATABASE_URL: "postgres://postgres@127.0.0.1:5432/slotdesk",
  AUTH_SECRET: "a-session-secret-of-at-least-32-characters",
  APP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  RETELL_API_KEY: "key_test",
};

const setEnv = (vars: Record<string, string | undefined>) => {
  process.env = { ...vars } as unknown as NodeJS.ProcessEnv;
  resetEnvCache();
};

const problemsOf = (vars: Record<string, string | undefined>): string[] => {
  setEnv(vars);
  try {
    env();
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
};

describe("environment", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
  });

  it("lists every missing or malformed variable by name, not only the first", () => {
    const problems = problemsOf({
      DATABASE_URL: "mysql://localhost/slotdesk",
      AUTH_SECRET: "short",
      APP_ENCRYPTION_KEY: "too-short",
      APP_URL: "localhost:3000",
      LOG_LEVEL: "loud",
      WORKER_SYNC_CONCURRENCY: "zwei",
      CALCOM_RATE_LIMIT_PER_MINUTE: "-1",
      CALCOM_API_URL: "https://api.cal.com/v2",
      CALCOM_SIMULATOR_URL: "127.0.0.1:3100",
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        "DATABASE_URL: must be a postgres:// URL",
        "APP_URL: must be an http(s):// URL",
        "AUTH_SECRET: must be at least 32 characters",
        expect.stringMatching(/^APP_ENCRYPTION_KEY: must be 32 bytes/),
        "RETELL_API_KEY: missing",
        "CALCOM_SIMULATOR_URL: must be an http(s):// URL",
        expect.stringMatching(/^LOG_LEVEL: /),
        "WORKER_SYNC_CONCURRENCY: must be a whole number ≥ 1",
        "CALCOM_RATE_LIMIT_PER_MINUTE: must be a whole number ≥ 0",
        "CALCOM_API_KEY: missing (CALCOM_API_URL is set; set both or neither)",
      ]),
    );
    expect(problems).toHaveLength(10);
  });

  it("names each required variable when the environment is empty", () => {
    expect(problemsOf({})).toEqual([
      "DATABASE_URL: missing",
      "AUTH_SECRET: missing",
      "APP_ENCRYPTION_KEY: missing",
      "RETELL_API_KEY: missing",
    ]);
  });

  it("puts every problem into the error's message", () => {
    setEnv({ ...valid, RETELL_API_KEY: undefined, AUTH_SECRET: "short" });
    expect(() => env()).toThrow(/AUTH_SECRET: must be at least 32 characters\n {2}RETELL_API_KEY: missing/);
  });

  it("treats empty values as unset and fills in the defaults", () => {
    expect(problemsOf({ ...valid, CALCOM_API_URL: "", CALCOM_API_KEY: "", LOG_LEVEL: "" })).toEqual([]);
    expect(env()).toMatchObject({
      NODE_ENV: "development",
      APP_URL: "http://localhost:3000",
      LOG_LEVEL: "info",
      SLOTDESK_PROCESS: "web",
      DB_POOL_MAX: 10,
      CALCOM_VERIFY_DELAY_MS: 2000,
      CALCOM_RATE_LIMIT_PER_MINUTE: 120,
      WORKER_SYNC_CONCURRENCY: 8,
    });
    expect(env().CALCOM_API_URL).toBeUndefined();
    expect(env().CALCOM_SIMULATOR_URL).toBeUndefined();
  });

  it("reads tunables anew on every call, with their default, and refuses anything but a whole number", () => {
    setEnv(valid);
    expect(tunable("WORKER_SYNC_CONCURRENCY")).toBe(8);
    process.env.WORKER_SYNC_CONCURRENCY = "";
    expect(tunable("WORKER_SYNC_CONCURRENCY")).toBe(8);
    process.env.WORKER_SYNC_CONCURRENCY = "3";
    expect(tunable("WORKER_SYNC_CONCURRENCY")).toBe(3);
    for (const bad of ["zwei", "2.5", "0", "-1"]) {
      process.env.WORKER_SYNC_CONCURRENCY = bad;
      expect(() => tunable("WORKER_SYNC_CONCURRENCY")).toThrow(/WORKER_SYNC_CONCURRENCY: must be a whole number ≥ 1/);
    }
    process.env.CALCOM_RATE_LIMIT_PER_MINUTE = "0";
    expect(tunable("CALCOM_RATE_LIMIT_PER_MINUTE")).toBe(0);
  });

  it("takes Retell's API only over https, plain http only from 127.0.0.1 (the tests' stand-in)", () => {
    expect(problemsOf(valid)).toEqual([]);
    expect(env().RETELL_API_BASE_URL).toBeUndefined();
    for (const good of ["https://api.retellai.com", "http://127.0.0.1:4010"]) {
      expect(problemsOf({ ...valid, RETELL_API_BASE_URL: good })).toEqual([]);
      expect(env().RETELL_API_BASE_URL).toBe(good);
    }
    for (const bad of ["http://api.retellai.com", "http://localhost:4010", "api.retellai.com", "ftp://127.0.0.1"]) {
      expect(problemsOf({ ...valid, RETELL_API_BASE_URL: bad })).toEqual([
        "RETELL_API_BASE_URL: must be an https:// URL (http:// only for 127.0.0.1)",
      ]);
    }
  });

  it("reads APP_URL alone for the Retell URLs, without needing the rest of the configuration", () => {
    setEnv({});
    expect(appUrl()).toBe("http://localhost:3000");
    setEnv({ APP_URL: "https://salon.example.de" });
    expect(appUrl()).toBe("https://salon.example.de");
    setEnv({ APP_URL: "salon.example.de" });
    expect(() => appUrl()).toThrow(EnvError);
  });

  it("gives the logger its settings without ever throwing", () => {
    setEnv({ LOG_LEVEL: "loud" });
    expect(logSettings()).toEqual({ level: "info", service: "web" });
    setEnv({ LOG_LEVEL: "warn", SLOTDESK_PROCESS: "worker" });
    expect(logSettings()).toEqual({ level: "warn", service: "worker" });
  });
});

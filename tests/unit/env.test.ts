import { afterEach, describe, expect, it } from "vitest";
import { env, intSetting, resetEnvCache } from "@/lib/env";

describe("environment", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
  });

  it("fails at boot naming every missing or malformed setting", () => {
    delete process.env.AUTH_SECRET;
    process.env.APP_ENCRYPTION_KEY = "too-short";
    resetEnvCache();
    expect(() => env()).toThrow(/AUTH_SECRET[\s\S]*APP_ENCRYPTION_KEY|APP_ENCRYPTION_KEY[\s\S]*AUTH_SECRET/);
  });

  it("treats empty values as unset", () => {
    process.env.CALCOM_API_URL = "";
    resetEnvCache();
    expect(env().CALCOM_API_URL).toBeUndefined();
  });

  it("reads whole-number tunables with their default and refuses anything else", () => {
    delete process.env.WORKER_SYNC_CONCURRENCY;
    expect(intSetting("WORKER_SYNC_CONCURRENCY", 8, 1)).toBe(8);
    process.env.WORKER_SYNC_CONCURRENCY = "";
    expect(intSetting("WORKER_SYNC_CONCURRENCY", 8, 1)).toBe(8);
    process.env.WORKER_SYNC_CONCURRENCY = "3";
    expect(intSetting("WORKER_SYNC_CONCURRENCY", 8, 1)).toBe(3);
    for (const bad of ["zwei", "2.5", "0", "-1"]) {
      process.env.WORKER_SYNC_CONCURRENCY = bad;
      expect(() => intSetting("WORKER_SYNC_CONCURRENCY", 8, 1)).toThrow(/WORKER_SYNC_CONCURRENCY: must be a whole number ≥ 1/);
    }
    process.env.CALCOM_RATE_LIMIT_PER_MINUTE = "0";
    expect(intSetting("CALCOM_RATE_LIMIT_PER_MINUTE", 120, 0)).toBe(0);
  });
});

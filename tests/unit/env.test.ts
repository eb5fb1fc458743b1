import { afterEach, describe, expect, it } from "vitest";
import { env, resetEnvCache } from "@/lib/env";

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
});

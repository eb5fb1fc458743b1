import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { resetEnvCache } from "@/lib/env";

describe("GET /api/health", () => {
  it("answers 200 when database and queue are reachable", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok", queue: "ok" });
  });

  it("answers 503 naming the database when it is down", async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgres://postgres:postgres@127.0.0.1:1/nowhere";
    resetEnvCache();
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "error", db: "down", queue: "down" });
    } finally {
      process.env.DATABASE_URL = saved;
      resetEnvCache();
    }
  });
});

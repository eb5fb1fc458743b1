import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { DEMO_SALON, SECOND_SALON, seedDemo } from "@/dev/seed";
import { signInEmail } from "./real-session";

describe("demo seed: each demo salon's admin is its owner", () => {
  it("the demo logins still work and may manage the salon's logins", async () => {
    await seedDemo(getDb(), new Date("2026-11-21T11:00:00Z"));
    for (const salon of [DEMO_SALON, SECOND_SALON]) {
      const [row] = await getDb().select().from(users).where(eq(users.email, salon.admin.email));
      expect(row).toMatchObject({ role: "owner", mustChangePassword: false });
      expect((await signInEmail(salon.admin.email, salon.admin.password)).status).toBe(200);
    }
  });
});

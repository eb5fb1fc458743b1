import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { appointments } from "@/lib/db/schema";
import { closeDb, getDb } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { freePort } from "../../../scripts/lib/database-server";
import { makeSalon } from "../../support/factories";
import { callFunction, newCallId } from "../../support/retell";

let salon: Awaited<ReturnType<typeof makeSalon>>;
const databaseUrl = process.env.DATABASE_URL!;
beforeAll(async () => {
  salon = await makeSalon();
});

/** The database is unreachable for the web process, as during a restart (nothing listens on its port). */
async function databaseGone() {
  const url = new URL(databaseUrl);
  url.port = String(await freePort());
  process.env.DATABASE_URL = url.toString();
  resetEnvCache();
  await closeDb();
}

afterEach(async () => {
  process.env.DATABASE_URL = databaseUrl;
  resetEnvCache();
  await closeDb();
});

describe("voice functions while the database is unreachable", () => {
  it("answer ok:false, internal, with a sentence about a technical problem — and nothing is booked", async () => {
    const call = {
      call_id: newCallId(),
      agent_id: salon.company.retellAgentId!,
      from_number: "+4915112340077",
      start_timestamp: Date.parse("2031-03-24T08:00:00Z"),
    };
    const args = { service: "Herrenhaarschnitt", date: "2031-03-28", time: "10:00", customer_name: "Rita Ausfall" };
    await databaseGone();
    for (const [name, input] of [
      ["check_availability", { service: "Herrenhaarschnitt", date: "2031-03-28", time: "10:00" }],
      ["book_appointment", args],
      ["get_customer_appointments", {}],
    ] as const) {
      const answer = await callFunction(name, input, call);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        ok: false,
        error: "internal",
        message:
          "Entschuldigung, wir haben gerade ein technisches Problem. Bitte versuchen Sie es in ein paar Minuten noch einmal.",
      });
    }

    // Back: the same call books, exactly once.
    process.env.DATABASE_URL = databaseUrl;
    resetEnvCache();
    await closeDb();
    expect(await getDb().select().from(appointments).where(eq(appointments.companyId, salon.company.id))).toEqual([]);
    const booked = await callFunction("book_appointment", args, call);
    expect(booked.body).toMatchObject({ ok: true, booked: true, start: "2031-03-28T10:00:00+01:00" });
    expect(await getDb().select().from(appointments).where(eq(appointments.companyId, salon.company.id))).toHaveLength(
      1,
    );
  });
});

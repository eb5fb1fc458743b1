import { and, eq } from "drizzle-orm";
import postgres from "postgres";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { appointments, calls, functionCalls } from "@/lib/db/schema";
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
  delete process.env.VOICE_ANSWER_DEADLINE_MS;
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

describe("a voice function that cannot finish in time", () => {
  it("answers the technical problem at its deadline and never commits afterwards", async () => {
    const salon = await makeSalon();
    process.env.VOICE_ANSWER_DEADLINE_MS = "500";
    resetEnvCache();
    const call = {
      call_id: newCallId(),
      agent_id: salon.company.retellAgentId!,
      from_number: "+4915112340078",
      start_timestamp: Date.parse("2031-03-24T08:00:00Z"),
    };
    const args = { service: "Herrenhaarschnitt", date: "2031-03-27", time: "11:00", customer_name: "Rita Spät" };
    // Another session holds the stylists (as a stuck transaction would): the booking waits for them.
    const other = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holding = other.begin(async (tx) => {
      await tx`select id from staff where company_id = ${salon.company.id} for update`;
      locked();
      await released;
    });
    await isLocked;
    try {
      const answer = await callFunction("book_appointment", args, call);
      expect(answer.body).toMatchObject({ ok: false, error: "internal" });
      expect(answer.body.message).toContain("technisches Problem");
      release();
      await holding;
      // The booking still waiting went on once the stylists were free — and rolled back: its log says so.
      const [row] = await getDb().select({ id: calls.id }).from(calls).where(eq(calls.retellCallId, call.call_id));
      for (;;) {
        const logged = await getDb()
          .select({ result: functionCalls.result })
          .from(functionCalls)
          .where(and(eq(functionCalls.callId, row!.id), eq(functionCalls.name, "book_appointment")));
        if (logged.length > 0) {
          expect(logged[0]!.result).toMatchObject({ ok: false, error: "internal" });
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(await getDb().select().from(appointments).where(eq(appointments.companyId, salon.company.id))).toEqual([]);
    } finally {
      release();
      await other.end({ timeout: 1 });
    }
    delete process.env.VOICE_ANSWER_DEADLINE_MS;
    resetEnvCache();
    const retry = await callFunction("book_appointment", args, call);
    expect(retry.body).toMatchObject({ ok: true, booked: true, start: "2031-03-27T11:00:00+01:00" });
  });
});

import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { appointments } from "@/lib/db/schema";
import { makeSalon } from "../../support/factories";
import { callFunction, newCallId } from "../../support/retell";

// Monday 2030-06-03, 08:00 in Berlin.
const CALL_START = Date.parse("2030-06-03T06:00:00Z");
let salon: Awaited<ReturnType<typeof makeSalon>>;
const caller = (callId = newCallId()) => ({
  call_id: callId,
  agent_id: salon.company.retellAgentId!,
  from_number: "+4915112345678",
  start_timestamp: CALL_START,
});

beforeEach(async () => {
  salon = await makeSalon();
});

describe("every booked:true names an appointment that is committed and active (issue 14.1)", () => {
  it("book → cancel → book the same service and start in the same call books anew", async () => {
    const call = caller();
    const wish = { service: "Herrenhaarschnitt", date: "2030-06-05", time: "10:00", customer_name: "Karl Kunde" };
    const first = await callFunction("book_appointment", wish, call);
    expect(first.body).toMatchObject({ ok: true, booked: true });
    const cancel = await callFunction("cancel_appointment", { appointment_id: first.body.appointment_id }, call);
    expect(cancel.body).toMatchObject({ ok: true, cancelled: true });

    const again = await callFunction("book_appointment", wish, call);
    expect(again.body).toMatchObject({ ok: true, booked: true });
    expect(again.body.appointment_id).not.toBe(first.body.appointment_id);
    const [row] = await getDb()
      .select()
      .from(appointments)
      .where(and(eq(appointments.id, again.body.appointment_id)));
    expect(row).toMatchObject({ status: "confirmed", startsAt: new Date("2030-06-05T08:00:00Z") });

    // Retell retries the second booking: the same (active) appointment, nothing new.
    const retry = await callFunction("book_appointment", wish, call);
    expect(retry.body).toMatchObject({ booked: true, appointment_id: again.body.appointment_id });
    const active = await getDb()
      .select()
      .from(appointments)
      .where(and(eq(appointments.companyId, salon.company.id), eq(appointments.status, "confirmed")));
    expect(active).toHaveLength(1);
  });
});

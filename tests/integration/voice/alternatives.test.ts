import { beforeEach, describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { makeCall, makeSalon, makeStaff, qualify } from "../../support/factories";
import { callFunction, newCallId } from "../../support/retell";

// Monday 2030-06-03, 08:00 in Berlin; the requests are for Wednesday 2030-06-05.
const CALL_START = Date.parse("2030-06-03T06:00:00Z");
const WEDNESDAY_TEN = "2030-06-05T10:00:00+02:00";

let salon: Awaited<ReturnType<typeof makeSalon>>;
const caller = () => ({
  call_id: newCallId(),
  agent_id: salon.company.retellAgentId!,
  from_number: "+4915112345678",
  start_timestamp: CALL_START,
});
const starts = (body: Record<string, any>) => (body.alternatives as { start: string }[]).map((a) => a.start);

async function bookFor(staffId: string, start: string) {
  const call = await makeCall(salon.company);
  await bookAppointment({
    ctx: salon.ctx,
    input: {
      serviceId: salon.cut.id,
      staffId,
      start: new Date(start),
      callId: call.id,
      customer: { name: "Belegt" },
      now: new Date(CALL_START),
    },
  });
}

beforeEach(async () => {
  salon = await makeSalon();
});

describe("alternatives never repeat the refused start", () => {
  it("two staff records with one name: 10 Uhr refused is never offered again, and no start twice", async () => {
    const twin = await makeStaff(salon.company, { name: "Anna Berg" });
    await qualify(salon.company, [twin.id], [salon.cut.id]);
    await bookFor(salon.anna.id, WEDNESDAY_TEN);
    await bookFor(salon.ben.id, WEDNESDAY_TEN);

    const check = await callFunction(
      "check_availability",
      { service: "Herrenhaarschnitt", date: "2030-06-05", time: "10:00", staff: "Anna" },
      caller(),
    );
    expect(check.body).toMatchObject({ ok: true, available: false, requested_start: WEDNESDAY_TEN });
    expect(starts(check.body)).not.toContain(WEDNESDAY_TEN);
    expect(new Set(starts(check.body)).size).toBe(starts(check.body).length);
    expect(check.body.message).toMatch(/um 10 Uhr .*vergeben/);
    expect(check.body.message.split("vergeben")[1]).not.toMatch(/um 10 Uhr(?! \d)/);

    const book = await callFunction(
      "book_appointment",
      {
        service: "Herrenhaarschnitt",
        date: "2030-06-05",
        time: "10:00",
        staff: "Anna",
        customer_name: "Zweite Anna-Kundin",
      },
      caller(),
    );
    expect(book.body).toMatchObject({ ok: false, booked: false, error: "slot_taken" });
    expect(starts(book.body)).not.toContain(WEDNESDAY_TEN);
    expect(new Set(starts(book.body)).size).toBe(starts(book.body).length);
  });

  it("the wished stylist is not working: others' times are offered once each, named, never the refused start", async () => {
    const carla = await makeStaff(salon.company, {
      name: "Carla Stein",
      hours: [{ weekday: 1, start: "09:00", end: "18:00" }],
    });
    await qualify(salon.company, [carla.id], [salon.cut.id]);

    const check = await callFunction(
      "check_availability",
      { service: "Herrenhaarschnitt", date: "2030-06-05", time: "10:00", staff: "Carla" },
      caller(),
    );
    expect(check.body).toMatchObject({ ok: true, available: false, requested_start: WEDNESDAY_TEN });
    expect(check.body.alternatives).toHaveLength(3);
    expect(starts(check.body)).not.toContain(WEDNESDAY_TEN);
    expect(new Set(starts(check.body)).size).toBe(3);
    // Anna and Ben are free: whoever would do it is named (once for all of their times).
    for (const alternative of check.body.alternatives as { staff_name: string }[])
      expect(check.body.message).toContain(`bei ${alternative.staff_name}`);
  });
});

import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { appointments, calls, customers, functionCalls } from "@/lib/db/schema";
import { makeSalon, makeService } from "../../support/factories";
import { callFunction, newCallId } from "../../support/retell";
import { useServerClock } from "../../support/clock";

// The original incident call: Sunday 2025-11-23, 21:04:50 in Berlin.
const CALL_START = Date.parse("2025-11-23T20:04:50Z");
useServerClock(new Date(CALL_START));
const ISO_IN_TEXT = /\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/;

let salon: Awaited<ReturnType<typeof makeSalon>>;
const caller = (from = "+4915112345678", callId = newCallId()) => ({
  call_id: callId,
  agent_id: salon.company.retellAgentId!,
  from_number: from,
  start_timestamp: CALL_START,
});

beforeEach(async () => {
  salon = await makeSalon();
});

describe("voice functions in German", () => {
  it("get_current_time and list_services", async () => {
    const time = await callFunction("get_current_time", {}, caller());
    expect(time.body).toMatchObject({
      ok: true,
      now: "2025-11-23T21:04:50+01:00",
      weekday: "Sonntag",
      date_spoken: "Sonntag, 23. November 2025",
    });
    expect(time.body.message).toBe("Heute ist Sonntag, 23. November 2025, es ist 21 Uhr 4.");
    const list = await callFunction("list_services", {}, caller());
    const perm = list.body.services.find((s: { name: string }) => s.name === "Dauerwelle");
    expect(perm).toMatchObject({ duration_minutes: 135, composite: true });
    expect(perm.segments[1]).toEqual({
      key: "GAP_1",
      name: "Einwirkzeit",
      duration_minutes: 15,
      staff_required: false,
    });
    expect(list.body.message).toContain("Dauerwelle (2 Stunden und 15 Minuten)");
  });

  it("check_availability understands the spoken request of seed 001 and holds the slot", async () => {
    const result = await callFunction(
      "check_availability",
      { service: "Dauerwelle", date: "nächster Freitag", time: "zehn Uhr" },
      caller(),
    );
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ ok: true, available: true, requested_start: "2025-11-28T10:00:00+01:00" });
    expect(result.body.slot).toMatchObject({ start: "2025-11-28T10:00:00+01:00", end: "2025-11-28T12:15:00+01:00" });
    expect(result.body.slot.phases).toHaveLength(6);
    expect(result.body.hold.id).toEqual(expect.any(Number));
    expect(result.body.message).toContain("Freitag, den 28. November, um 10 Uhr");
    expect(result.body.message).not.toMatch(ISO_IN_TEXT);
  });

  it("check_availability without a time lists the day's free starts", async () => {
    const result = await callFunction("check_availability", { service: "Herrenschnitt", date: "28.11." }, caller());
    expect(result.body).toMatchObject({ ok: true, date: "2025-11-28" });
    expect(result.body.slots[0]).toMatchObject({ start: "2025-11-28T09:00:00+01:00" });
    expect(result.body.message).toMatch(/Freitag, den 28. November .*um 9 Uhr/);
    expect(result.body.message).not.toMatch(ISO_IN_TEXT);
  });

  it("answers unclear, impossible, past and closed times with the right error and requested_start", async () => {
    expect(
      (await callFunction("check_availability", { service: "Dauerwelle", date: "irgendwann" }, caller())).body,
    ).toMatchObject({ ok: false, error: "invalid_date" });
    const feb = await callFunction(
      "check_availability",
      { service: "Dauerwelle", date: "31.02.", time: "10 Uhr" },
      caller(),
    );
    expect(feb.body).toMatchObject({ ok: false, error: "invalid_date" });
    expect(feb.body.message).toMatch(/\?$/);
    const past = await callFunction(
      "check_availability",
      { service: "Dauerwelle", date: "21.11.2025", time: "10:00" },
      caller(),
    );
    expect(past.body).toMatchObject({ ok: false, error: "in_past", requested_start: "2025-11-21T10:00:00+01:00" });
    const late = await callFunction(
      "check_availability",
      { service: "Dauerwelle", date: "2025-11-28", time: "17:00" },
      caller(),
    );
    expect(late.body).toMatchObject({
      ok: false,
      error: "outside_opening_hours",
      available: false,
      requested_start: "2025-11-28T17:00:00+01:00",
    });
    expect(late.body.alternatives.length).toBeGreaterThan(0);
    const sunday = await callFunction(
      "check_availability",
      { service: "Dauerwelle", date: "Sonntag", time: "11 Uhr" },
      caller(),
    );
    expect(sunday.body).toMatchObject({
      ok: false,
      error: "outside_opening_hours",
      requested_start: "2025-11-30T11:00:00+01:00",
    });
    expect(sunday.body.message).toContain("Sonntags haben wir geschlossen");
  });

  it("names missing fields, unknown and ambiguous services and staff", async () => {
    expect((await callFunction("check_availability", { date: "morgen" }, caller())).body).toMatchObject({
      ok: false,
      error: "missing_field",
    });
    expect(
      (await callFunction("check_availability", { service: "Maniküre", date: "morgen" }, caller())).body,
    ).toMatchObject({ ok: false, error: "unknown_service" });
    await makeService(salon.company, { name: "Damenhaarschnitt", minutes: 60 });
    const ambiguous = await callFunction("check_availability", { service: "Haarschnitt", date: "Freitag" }, caller());
    expect(ambiguous.body).toMatchObject({
      ok: false,
      error: "ambiguous",
      candidates: ["Damenhaarschnitt", "Herrenhaarschnitt"],
    });
    expect(ambiguous.body.message).toBe("Meinen Sie Damenhaarschnitt oder Herrenhaarschnitt?");
    expect(
      (await callFunction("check_availability", { service: "Dauerwelle", date: "Freitag", staff: "Kevin" }, caller()))
        .body,
    ).toMatchObject({ ok: false, error: "unknown_staff" });
    const withStaff = await callFunction(
      "check_availability",
      { service: "dauerwellen", date: "Freitag", time: "halb elf", staff: "Ben" },
      caller(),
    );
    expect(withStaff.body).toMatchObject({
      ok: true,
      available: true,
      slot: { staff_name: "Ben Vogel", start: "2025-11-28T10:30:00+01:00" },
    });
  });

  it("an e-mail address Cal.com would refuse (umlaut before the @) is asked for again in German; nothing is booked", async () => {
    const call = caller();
    const result = await callFunction(
      "book_appointment",
      {
        service: "Herrenhaarschnitt",
        date: "2025-11-28",
        time: "10:00",
        customer_name: "Anna Müller",
        customer_email: "anna.müller@example.test",
      },
      call,
    );
    expect(result.body).toMatchObject({ ok: false, booked: false, error: "missing_field", field: "customer_email" });
    expect(result.body.message).toContain("Umlaute");
    expect(await getDb().select().from(appointments).where(eq(appointments.companyId, salon.company.id))).toEqual([]);
  });

  it("books: booked:true means committed; a Retell retry gets the same appointment and writes nothing", async () => {
    const call = caller();
    const check = await callFunction(
      "check_availability",
      { service: "Dauerwelle", date: "nächster Freitag", time: "zehn Uhr" },
      call,
    );
    expect(check.body.available).toBe(true);
    const args = { service: "Dauerwelle", date: "nächster Freitag", time: "zehn Uhr", customer_name: "Siegfried Reu" };
    const first = await callFunction("book_appointment", args, call);
    expect(first.body).toMatchObject({
      ok: true,
      booked: true,
      start: "2025-11-28T10:00:00+01:00",
      end: "2025-11-28T12:15:00+01:00",
    });
    expect(first.body.phases.map((p: { key: string }) => p.key)).toEqual(["A", "GAP_1", "B", "GAP_2", "C", "D"]);
    expect(first.body.message).toContain("Freitag, den 28. November, um 10 Uhr");
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, first.body.appointment_id));
    expect(row).toMatchObject({ status: "confirmed", startsAt: new Date("2025-11-28T09:00:00Z") });

    const retry = await callFunction("book_appointment", args, call);
    expect(retry.body).toEqual(first.body);
    expect(await getDb().select().from(appointments).where(eq(appointments.companyId, salon.company.id))).toHaveLength(
      1,
    );
    const [customer] = await getDb().select().from(customers).where(eq(customers.companyId, salon.company.id));
    expect(customer).toMatchObject({ name: "Siegfried Reu", phone: "+4915112345678" });
  });

  it("between check and book (17.6 s in seed 001) no other caller can take the offered slot", async () => {
    const siegfried = caller("+4915112345678");
    const other = caller("+4917011111111");
    const check = await callFunction(
      "check_availability",
      { service: "Dauerwelle", date: "28.11.", time: "10 Uhr", staff: "Anna" },
      siegfried,
    );
    expect(check.body.available).toBe(true);
    const otherCheck = await callFunction(
      "check_availability",
      { service: "Dauerwelle", date: "28.11.", time: "10 Uhr", staff: "Anna" },
      other,
    );
    expect(otherCheck.body).toMatchObject({ ok: true, available: false });
    expect(otherCheck.body.alternatives.length).toBeGreaterThan(0);
    const otherBook = await callFunction(
      "book_appointment",
      { service: "Dauerwelle", date: "28.11.", time: "10 Uhr", staff: "Anna", customer_name: "Vordrängler" },
      other,
    );
    expect(otherBook.body).toMatchObject({ ok: false, booked: false, error: "slot_taken" });
    expect(otherBook.body.alternatives.length).toBeGreaterThan(0);
    expect(otherBook.body.alternatives.length).toBeLessThanOrEqual(3);
    const booked = await callFunction(
      "book_appointment",
      { service: "Dauerwelle", date: "28.11.", time: "10 Uhr", customer_name: "Siegfried Reu" },
      siegfried,
    );
    expect(booked.body).toMatchObject({ ok: true, booked: true, staff_name: "Anna Berg" });
    expect(await getDb().select().from(appointments).where(eq(appointments.companyId, salon.company.id))).toHaveLength(
      1,
    );
  });

  it("two calls racing to book one slot: one booked, the other booked:false with nothing created", async () => {
    const a = caller("+4915100000001");
    const b = caller("+4915100000002");
    const args = { service: "Herrenhaarschnitt", date: "28.11.", time: "11 Uhr", staff: "Anna" };
    const [ra, rb] = await Promise.all([
      callFunction("book_appointment", { ...args, customer_name: "A" }, a),
      callFunction("book_appointment", { ...args, customer_name: "B" }, b),
    ]);
    expect([ra.body.booked, rb.body.booked].sort()).toEqual([false, true]);
    const loser = ra.body.booked ? rb.body : ra.body;
    expect(loser.error).toBe("slot_taken");
    expect(await getDb().select().from(appointments).where(eq(appointments.companyId, salon.company.id))).toHaveLength(
      1,
    );
  });

  it("stores names with HTML or SQL verbatim", async () => {
    const name = `<script>alert("x")</script>'); DROP TABLE appointments;--`;
    const result = await callFunction(
      "book_appointment",
      { service: "Herrenhaarschnitt", date: "28.11.", time: "14 Uhr", customer_name: name },
      caller("+4915100000003"),
    );
    expect(result.body.booked).toBe(true);
    const [customer] = await getDb().select().from(customers).where(eq(customers.phone, "+4915100000003"));
    expect(customer!.name).toBe(name);
  });

  it("finds the caller's appointments by their number, cancels and reschedules them", async () => {
    const call = caller("+4915199990000");
    const booked = await callFunction(
      "book_appointment",
      { service: "Dauerwelle", date: "28.11.", time: "10 Uhr", customer_name: "Erika Muster" },
      call,
    );
    const mine = await callFunction("get_customer_appointments", {}, caller("+4915199990000"));
    expect(mine.body.appointments).toEqual([
      expect.objectContaining({
        appointment_id: booked.body.appointment_id,
        service: "Dauerwelle",
        start: "2025-11-28T10:00:00+01:00",
        status: "confirmed",
      }),
    ]);
    expect(mine.body.message).toContain("Freitag, den 28. November, um 10 Uhr");
    expect((await callFunction("get_customer_appointments", {}, caller("+4917000000000"))).body.appointments).toEqual(
      [],
    );

    const stranger = await callFunction(
      "cancel_appointment",
      { appointment_id: booked.body.appointment_id },
      caller("+4917000000000"),
    );
    expect(stranger.body).toMatchObject({ ok: false, error: "not_found" });

    const moved = await callFunction(
      "reschedule_appointment",
      { old_date: "28.11.", new_date: "1. Dezember", new_time: "halb elf" },
      caller("+4915199990000"),
    );
    expect(moved.body).toMatchObject({
      ok: true,
      rescheduled: true,
      appointment_id: booked.body.appointment_id,
      start: "2025-12-01T10:30:00+01:00",
    });
    expect(moved.body.message).toContain("Montag, den 1. Dezember, um 10 Uhr 30");

    const cancelled = await callFunction("cancel_appointment", { date: "1.12." }, caller("+4915199990000"));
    expect(cancelled.body).toMatchObject({ ok: true, cancelled: true, appointment_id: booked.body.appointment_id });
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, booked.body.appointment_id));
    expect(row!.status).toBe("cancelled");
    expect((await callFunction("cancel_appointment", { date: "1.12." }, caller("+4915199990000"))).body).toMatchObject({
      ok: false,
      error: "not_found",
    });
  });

  it("a reschedule into a taken slot keeps the old time and offers alternatives", async () => {
    const mine = await callFunction(
      "book_appointment",
      { service: "Herrenhaarschnitt", date: "28.11.", time: "10 Uhr", staff: "Anna", customer_name: "Eins" },
      caller("+4915100000010"),
    );
    await callFunction(
      "book_appointment",
      { service: "Herrenhaarschnitt", date: "28.11.", time: "15 Uhr", staff: "Anna", customer_name: "Zwei" },
      caller("+4915100000011"),
    );
    await callFunction(
      "book_appointment",
      { service: "Herrenhaarschnitt", date: "28.11.", time: "15 Uhr", staff: "Ben", customer_name: "Drei" },
      caller("+4915100000012"),
    );
    const result = await callFunction(
      "reschedule_appointment",
      { appointment_id: mine.body.appointment_id, new_date: "28.11.", new_time: "15 Uhr" },
      caller("+4915100000010"),
    );
    expect(result.body).toMatchObject({ ok: false, rescheduled: false, error: "slot_taken" });
    expect(result.body.message).toContain("bleibt bestehen");
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, mine.body.appointment_id));
    expect(row!.startsAt).toEqual(new Date("2025-11-28T09:00:00Z"));
  });

  it("creates the call on the first function call and logs every function call with args, result and latency", async () => {
    const call = caller();
    await callFunction("check_availability", { service: "Herrenhaarschnitt", date: "28.11.", time: "9 Uhr" }, call);
    await callFunction(
      "book_appointment",
      { service: "Herrenhaarschnitt", date: "28.11.", time: "9 Uhr", customer_name: "Log Test" },
      call,
    );
    const [row] = await getDb().select().from(calls).where(eq(calls.retellCallId, call.call_id));
    expect(row).toMatchObject({
      companyId: salon.company.id,
      status: "ongoing",
      fromNumber: "+4915112345678",
      startedAt: new Date(CALL_START),
    });
    expect(row!.customerId).not.toBeNull();
    const logged = await getDb()
      .select()
      .from(functionCalls)
      .where(eq(functionCalls.callId, row!.id))
      .orderBy(functionCalls.id);
    expect(logged.map((l) => l.name)).toEqual(["check_availability", "book_appointment"]);
    expect(logged[1]!.args).toMatchObject({ customer_name: "Log Test" });
    expect(logged[1]!.result).toMatchObject({ booked: true });
    expect(logged.every((l) => l.latencyMs >= 0)).toBe(true);
    const [appointment] = await getDb().execute<{ call_id: number }>(
      sql`select call_id from appointments where company_id = ${salon.company.id}`,
    );
    expect(Number(appointment!.call_id)).toBe(row!.id);
  });
});

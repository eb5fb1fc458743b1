import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cancelAppointment } from "@/lib/booking/cancel-appointment";
import { eraseCustomer } from "@/lib/customers/erase-customer";
import { getCustomer } from "@/lib/customers/get-customer";
import { mergeCustomers } from "@/lib/customers/merge-customers";
import { getDb } from "@/lib/db/client";
import { appointmentPhases, appointments, callEvents, calls, customers, functionCalls } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { makeSalon } from "../../support/factories";
import { useServerClock } from "../../support/clock";
import { NOW, berlin, book, callFrom, makeCustomer } from "./fixtures";

useServerClock(NOW);

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

const PERSONAL = ["Karla Krüger", "+491609876543", "karla@example.de", "Allergie gegen Ammoniak"];

describe("erasing a customer (DSGVO Art. 17)", async () => {
  const salon = await makeSalon();

  it("is refused while an appointment is coming, then anonymises everything personal in one go", async () => {
    const who = { name: "Karla Krüger", phone: "0160 9876543" };
    const past = await book(salon, who, berlin("2027-03-08", "10:00"), { service: "perm" });
    const future = await book(salon, who, berlin("2027-03-22", "10:00"));
    const id = past.customerId;
    // A second record of the same person, merged earlier: erased with the survivor.
    const old = await makeCustomer(salon.company, { name: "K. Krüger", phone: "+491609876543" });
    await mergeCustomers({ ctx: salon.ctx, input: { survivorId: id, duplicateId: old.id } });
    await getDb()
      .update(customers)
      .set({ email: "karla@example.de", notes: "Allergie gegen Ammoniak" })
      .where(eq(customers.id, id));
    const call = await callFrom(salon.company, {
      customerId: id,
      fromNumber: "+491609876543",
      transcript: "Hallo, hier ist Karla Krüger, meine Nummer ist 0160 9876543",
    });
    await getDb()
      .update(calls)
      .set({
        transcriptObject: [{ role: "user", content: "Karla Krüger" }],
        rawPayload: { from_number: "+491609876543" },
      })
      .where(eq(calls.id, call.id));
    await getDb()
      .insert(functionCalls)
      .values({
        companyId: salon.company.id,
        callId: call.id,
        name: "book_appointment",
        args: { customer_name: "Karla Krüger", phone: "+491609876543" },
        result: { ok: true, message: "Gebucht für Karla Krüger" },
        latencyMs: 12,
      });
    await getDb()
      .insert(callEvents)
      .values({
        companyId: salon.company.id,
        retellCallId: call.retellCallId,
        event: "call_ended",
        payloadHash: "h1",
        payload: { call: { from_number: "+491609876543", transcript: "Karla Krüger" } },
      });
    // Cal.com already holds the perm's phases (and the cut, via the v2 booking).
    await getDb().execute(sql`update appointment_phases set calcom_booking_uid = 'uid-' || sequence_order,
      calcom_metadata = '{"attendee": {"name": "Karla Krüger", "phoneNumber": "+491609876543"}, "eventTypeId": 7}'
      where appointment_id = ${past.id} and staff_required`);
    await getDb().update(appointments).set({ calcomV2BookingUid: "uid-cut" }).where(eq(appointments.id, future.id));

    const before = await getDb().select().from(customers).where(eq(customers.id, id));
    const refused = await errorOf(eraseCustomer({ ctx: salon.ctx, input: { id, now: NOW } }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain("Bitte zuerst die kommenden Termine absagen");
    expect(refused.message).toContain("22.03.2027");
    expect(await getDb().select().from(customers).where(eq(customers.id, id))).toEqual(before);
    expect((await getDb().select().from(calls).where(eq(calls.id, call.id)))[0]!.transcript).not.toBeNull();

    await cancelAppointment({ ctx: salon.ctx, input: { appointmentId: future.id, now: NOW } });
    const erased = await eraseCustomer({ ctx: salon.ctx, input: { id, now: NOW } });
    expect(erased.alreadyErased).toBe(false);
    expect(erased.calcom.map((c) => c.bookingUid).sort()).toEqual(["uid-1", "uid-3", "uid-5", "uid-6", "uid-cut"]);

    // What a database check shows: nothing personal left for this customer.
    const rows = await getDb()
      .select()
      .from(customers)
      .where(inArray(customers.id, [id, old.id]));
    for (const row of rows) {
      expect(row).toMatchObject({ name: "Gelöschter Kunde", phone: null, email: null, notes: null, erasedAt: NOW });
    }
    const [c] = await getDb().select().from(calls).where(eq(calls.id, call.id));
    expect(c).toMatchObject({
      transcript: null,
      transcriptObject: null,
      summary: null,
      rawPayload: null,
      fromNumber: null,
    });
    const logged = await getDb().select().from(functionCalls).where(eq(functionCalls.callId, call.id));
    expect(logged.map((f) => [f.args, f.result])).toEqual([[{ anonymisiert: true }, { anonymisiert: true }]]);
    const kept = await getDb()
      .select()
      .from(appointments)
      .where(inArray(appointments.id, [past.id, future.id]));
    expect(kept.map((a) => a.notes)).toEqual([null, null]);
    const everything = JSON.stringify({
      customers: rows,
      calls: await getDb().select().from(calls).where(eq(calls.customerId, id)),
      functionCalls: logged,
      events: await getDb().select().from(callEvents).where(eq(callEvents.retellCallId, call.retellCallId)),
      phases: await getDb().select().from(appointmentPhases).where(eq(appointmentPhases.appointmentId, past.id)),
      appointments: kept,
    });
    for (const personal of PERSONAL) expect(everything).not.toContain(personal);
    expect(everything).not.toContain("9876543");

    // The erased record keeps its statistics and shows the Cal.com list; erasing again changes nothing.
    const detail = await getCustomer({ ctx: salon.ctx, input: { id } });
    expect(detail.appointments).toHaveLength(2);
    expect(detail.calcomLeftovers.map((l) => l.bookingUid)).toContain("uid-cut");
    const again = await eraseCustomer({ ctx: salon.ctx, input: { id, now: NOW } });
    expect(again.alreadyErased).toBe(true);
  });

  it("answers 404 for another salon's customer", async () => {
    const other = await makeSalon();
    const theirs = await makeCustomer(other.company, { name: "Fremde Kundin", phone: "+4930999999" });
    const error = await errorOf(eraseCustomer({ ctx: salon.ctx, input: { id: theirs.id, now: NOW } }));
    expect(error.code).toBe("NOT_FOUND");
    expect((await getDb().select().from(customers).where(eq(customers.id, theirs.id)))[0]!.name).toBe("Fremde Kundin");
  });
});

import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getCustomer } from "@/lib/customers/get-customer";
import { mergeCustomers } from "@/lib/customers/merge-customers";
import { updateCustomer } from "@/lib/customers/update-customer";
import { getDb } from "@/lib/db/client";
import { appointments, calls, customers } from "@/lib/db/schema";
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

const row = async (id: number) => (await getDb().select().from(customers).where(eq(customers.id, id)))[0]!;

describe("editing a customer", async () => {
  const salon = await makeSalon();
  const other = await makeSalon();

  it("saves name, phone (as E.164), e-mail and notes", async () => {
    const c = await makeCustomer(salon.company, { name: "Eva Ernst" });
    await updateCustomer({
      ctx: salon.ctx,
      input: {
        id: c.id,
        name: " Eva Ernst-Berg ",
        phone: "0151 / 234 56 78",
        email: "EVA@Example.de",
        notes: "Allergie",
      },
    });
    expect(await row(c.id)).toMatchObject({
      name: "Eva Ernst-Berg",
      phone: "+491512345678",
      email: "eva@example.de",
      notes: "Allergie",
      searchName: "eva ernst berg",
    });
    await updateCustomer({ ctx: salon.ctx, input: { id: c.id, name: "Eva", phone: "", email: "", notes: "" } });
    expect(await row(c.id)).toMatchObject({ name: "Eva", phone: null, email: null, notes: null });
  });

  it.each([
    ["an empty name", { name: "  " }, "Bitte einen Namen angeben."],
    ["letters in the number", { phone: "0151 abc" }, "Bitte eine gültige Telefonnummer angeben."],
    ["a too short number", { phone: "12" }, "Bitte eine gültige Telefonnummer angeben."],
    ["an e-mail without @", { email: "kein-at" }, "E-Mail"],
    ["notes over 2000 characters", { notes: "x".repeat(2001) }, "höchstens 2000 Zeichen"],
  ])("refuses %s in German and writes nothing", async (_, bad, message) => {
    const c = await makeCustomer(salon.company, { name: "Olga Ort", phone: "+4930123456", email: "olga@example.de" });
    const before = await row(c.id);
    const input = { id: c.id, name: "Olga Neu", phone: "030 123456", email: "olga@example.de", notes: "", ...bad };
    const error = await errorOf(updateCustomer({ ctx: salon.ctx, input }));
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toContain(message);
    expect(await row(c.id)).toEqual(before);
  });

  it("answers 404 for another salon's customer and refuses erased or merged records", async () => {
    const theirs = await makeCustomer(other.company, { name: "Fremd" });
    const input = { id: theirs.id, name: "Gekapert", phone: "", email: "", notes: "" };
    expect((await errorOf(updateCustomer({ ctx: salon.ctx, input }))).code).toBe("NOT_FOUND");
    expect((await errorOf(getCustomer({ ctx: salon.ctx, input: { id: theirs.id } }))).code).toBe("NOT_FOUND");
    expect((await row(theirs.id)).name).toBe("Fremd");
    const erased = await makeCustomer(salon.company, { name: "Weg" });
    await getDb().update(customers).set({ erasedAt: NOW }).where(eq(customers.id, erased.id));
    const refused = await errorOf(
      updateCustomer({ ctx: salon.ctx, input: { id: erased.id, name: "Neu", phone: "", email: "", notes: "" } }),
    );
    expect(refused).toMatchObject({ code: "CONFLICT", message: "Gelöschte Kunden können nicht bearbeitet werden." });
  });
});

describe("merging two customer records", async () => {
  const salon = await makeSalon();
  const other = await makeSalon();

  it("moves appointments and calls to the survivor, appends notes, fills gaps and marks the duplicate", async () => {
    const survivor = await makeCustomer(salon.company, { name: "Maria Meier", phone: "+491701111111" });
    const first = await book(salon, { name: "Maria Meier", phone: "0170 1111111" }, berlin("2027-03-08", "10:00"));
    // Same number, another spelling: booked as its own record, flagged as a possible duplicate.
    const second = await book(salon, { name: "Mia Mayer", phone: "0170 1111111" }, berlin("2027-03-22", "11:00"));
    const duplicateId = second.customerId;
    expect(duplicateId).not.toBe(survivor.id);
    expect((await row(duplicateId)).possibleDuplicateOf).toBe(survivor.id);
    await getDb()
      .update(customers)
      .set({ email: "mia@example.de", notes: "Mag Tee" })
      .where(eq(customers.id, duplicateId));
    await getDb().update(customers).set({ notes: "Kurzhaar" }).where(eq(customers.id, survivor.id));
    const call = await callFrom(salon.company, { customerId: duplicateId, fromNumber: "+491701111111" });

    const detail = await getCustomer({ ctx: salon.ctx, input: { id: survivor.id } });
    expect(detail.duplicates.map((d) => d.id)).toEqual([duplicateId]);

    const result = await mergeCustomers({ ctx: salon.ctx, input: { survivorId: survivor.id, duplicateId } });
    expect(result.moved).toEqual({ appointments: 1, calls: 1 });
    const moved = await getDb()
      .select({ customerId: appointments.customerId })
      .from(appointments)
      .where(inArray(appointments.id, [first.id, second.id]));
    expect(moved.map((m) => m.customerId)).toEqual([survivor.id, survivor.id]);
    expect((await getDb().select().from(calls).where(eq(calls.id, call.id)))[0]!.customerId).toBe(survivor.id);
    expect(await row(survivor.id)).toMatchObject({ email: "mia@example.de", notes: "Kurzhaar\n\nMag Tee" });
    expect(await row(duplicateId)).toMatchObject({ mergedInto: survivor.id, possibleDuplicateOf: null });
    const after = await getCustomer({ ctx: salon.ctx, input: { id: survivor.id } });
    expect(after.appointments).toHaveLength(2);
    expect(after.calls.map((c) => c.id)).toEqual([call.id]);
    expect(after.duplicates).toEqual([]);

    const again = await errorOf(mergeCustomers({ ctx: salon.ctx, input: { survivorId: survivor.id, duplicateId } }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toContain("bereits");
  });

  it("refuses the same record, another salon's record, and writes nothing", async () => {
    const a = await makeCustomer(salon.company, { name: "Sara Sommer" });
    const theirs = await makeCustomer(other.company, { name: "Sara Sommer" });
    const self = await errorOf(mergeCustomers({ ctx: salon.ctx, input: { survivorId: a.id, duplicateId: a.id } }));
    expect(self).toMatchObject({ code: "VALIDATION" });
    expect(self.message).toContain("nicht mit sich selbst");
    const foreign = await errorOf(
      mergeCustomers({ ctx: salon.ctx, input: { survivorId: a.id, duplicateId: theirs.id } }),
    );
    expect(foreign.code).toBe("NOT_FOUND");
    expect((await row(theirs.id)).mergedInto).toBeNull();
    expect((await row(a.id)).mergedInto).toBeNull();
  });
});

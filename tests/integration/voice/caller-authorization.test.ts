import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { appointments } from "@/lib/db/schema";
import { useServerClock } from "../../support/clock";
import { makeSalon } from "../../support/factories";
import { type CallInfo, callFunction as send, newCallId } from "../../support/retell";

// Monday 2030-06-03, 08:00 in Berlin.
const CALL_START = Date.parse("2030-06-03T06:00:00Z");
useServerClock(new Date(CALL_START));

const ANNA = "+4915112345678";
const OTHER = "+4917011111111";
let salon: Awaited<ReturnType<typeof makeSalon>>;

const caller = (from?: string | null) => ({
  call_id: newCallId(),
  agent_id: salon.company.retellAgentId!,
  from_number: from,
  start_timestamp: CALL_START,
});

async function book(name: string, date: string, time: string, from: string | null = ANNA): Promise<number> {
  const wish = { service: "Herrenhaarschnitt", date, time, customer_name: name };
  const result = await callFunction("book_appointment", wish, caller(from));
  expect(result.body).toMatchObject({ ok: true, booked: true });
  return result.body.appointment_id;
}

async function row(id: number) {
  const [found] = await getDb().select().from(appointments).where(eq(appointments.id, id));
  return found!;
}

/** What the agent says is at most two sentences, each starting upper-case ("5. Juni" ends none). */
function expectSpeakable(message: string) {
  const sentences = message.replace(/\d+\. /g, "").split(/(?<=[.!?])\s+/);
  expect(sentences.length, message).toBeLessThanOrEqual(2);
  for (const sentence of sentences) expect(sentence, message).toMatch(/^[A-ZÄÖÜ]/);
  return sentences.length;
}

/** The functions of this issue, each answer checked for being speakable as it is. */
async function callFunction(name: string, args: Record<string, unknown>, call: CallInfo) {
  const result = await send(name, args, call);
  if (name !== "book_appointment") expectSpeakable(result.body.message);
  return result;
}

const unchanged = async (id: number, startsAt: string) =>
  expect(await row(id)).toMatchObject({ status: "confirmed", startsAt: new Date(startsAt) });

beforeEach(async () => {
  salon = await makeSalon();
});

describe("a withheld number never acts by a bare id (issue 14.6)", () => {
  it.each([
    ["no from_number", undefined],
    ["null", null],
    ['"anonymous"', "anonymous"],
    ['"unknown"', "unknown"],
  ])("%s cannot cancel or move another customer's appointment by id", async (_, from) => {
    const id = await book("Anna Müller", "2030-06-05", "10:00");
    const cancel = await callFunction("cancel_appointment", { appointment_id: id }, caller(from));
    expect(cancel.body).toMatchObject({ ok: false, cancelled: false });
    expect(cancel.body.message).toBe(
      "Damit ich den richtigen Termin finde: Auf welchen Namen und für welchen Tag war er gebucht?",
    );
    const move = await callFunction(
      "reschedule_appointment",
      { appointment_id: id, new_date: "2030-06-06", new_time: "11:00" },
      caller(from),
    );
    expect(move.body).toMatchObject({ ok: false, rescheduled: false });
    expect(move.body.message).toBe(cancel.body.message);
    await unchanged(id, "2030-06-05T08:00:00Z");
  });

  it("an id with a wrong name or a wrong day is refused like one that does not exist", async () => {
    const id = await book("Anna Müller", "2030-06-05", "10:00");
    const wrongName = await callFunction(
      "cancel_appointment",
      { appointment_id: id, customer_name: "Berta Schulz", date: "2030-06-05" },
      caller(),
    );
    const wrongDay = await callFunction(
      "cancel_appointment",
      { appointment_id: id, customer_name: "Anna Müller", date: "2030-06-06" },
      caller(),
    );
    const noSuchId = await callFunction(
      "cancel_appointment",
      { appointment_id: id + 1000, customer_name: "Berta Schulz", date: "2030-06-05" },
      caller(),
    );
    expect(wrongName.body).toMatchObject({ ok: false, error: "not_found", cancelled: false });
    expect(wrongDay.body).toMatchObject({ ok: false, error: "not_found", cancelled: false });
    expect(noSuchId.body.message).toBe(wrongName.body.message);
    await unchanged(id, "2030-06-05T08:00:00Z");
  });

  it("cancels by name and day, matched forgivingly — and a wrong name cancels nothing", async () => {
    const anna = await book("Anna Müller", "2030-06-05", "10:00");
    const other = await book("Berta Schulz", "2030-06-05", "11:00", OTHER);
    const wrong = await callFunction(
      "cancel_appointment",
      { customer_name: "Clara Meier", date: "Mittwoch" },
      caller("anonymous"),
    );
    expect(wrong.body).toMatchObject({ ok: false, error: "not_found", cancelled: false });
    expect(wrong.body.message).not.toContain("Berta");

    const result = await callFunction(
      "cancel_appointment",
      { customer_name: "anna mueller", date: "Mittwoch" },
      caller("anonymous"),
    );
    expect(result.body).toMatchObject({ ok: true, cancelled: true, appointment_id: anna });
    expect(result.body.message).toBe(
      "Ihr Termin am Mittwoch, den 5. Juni, um 10 Uhr bei Anna Berg ist storniert. Vielen Dank für Ihre Absage!",
    );
    expect((await row(anna)).status).toBe("cancelled");
    await unchanged(other, "2030-06-05T09:00:00Z");
  });

  it("takes the id together with the matching name and day; several that day need the time", async () => {
    const morning = await book("Anna Müller", "2030-06-05", "10:00");
    const afternoon = await book("Anna Müller", "2030-06-05", "15:00");
    const both = await callFunction("cancel_appointment", { customer_name: "Müller", date: "2030-06-05" }, caller());
    expect(both.body).toMatchObject({ ok: false, error: "ambiguous", cancelled: false });
    expect(both.body.message).toBe(
      "An diesem Tag finde ich mehrere Termine auf diesen Namen. Um wie viel Uhr war Ihr Termin?",
    );
    expect(both.body.appointments).toBeUndefined();
    const byTime = await callFunction(
      "cancel_appointment",
      { customer_name: "Müller", date: "2030-06-05", time: "15 Uhr" },
      caller(),
    );
    expect(byTime.body).toMatchObject({ ok: true, cancelled: true, appointment_id: afternoon });
    const byId = await callFunction(
      "cancel_appointment",
      { appointment_id: morning, customer_name: "A. Müller", date: "5. Juni" },
      caller(),
    );
    expect(byId.body).toMatchObject({ ok: true, cancelled: true, appointment_id: morning });
  });

  it("moves by name and old day, keeping the appointment id", async () => {
    const id = await book("Anna Müller", "2030-06-05", "10:00");
    const args = { customer_name: "Müller, Anna", old_date: "2030-06-05", new_date: "2030-06-07", new_time: "14:00" };
    const moved = await callFunction("reschedule_appointment", args, caller());
    expect(moved.body).toMatchObject({
      ok: true,
      rescheduled: true,
      appointment_id: id,
      start: "2030-06-07T14:00:00+02:00",
    });
    expect(moved.body.message).toContain("am Freitag, den 7. Juni, um 14 Uhr");
  });
  it("a refused move keeps the old time and says so in two sentences", async () => {
    const id = await book("Anna Müller", "2030-06-05", "10:00");
    await book("Berta Schulz", "2030-06-05", "15:00", OTHER);
    await book("Clara Meier", "2030-06-05", "15:00", OTHER);
    const args = { customer_name: "Anna Müller", old_date: "2030-06-05", new_date: "2030-06-05", new_time: "15:00" };
    const taken = await callFunction("reschedule_appointment", args, caller("anonymous"));
    expect(taken.body).toMatchObject({ ok: false, error: "slot_taken", rescheduled: false, appointment_id: id });
    const [first, second] = taken.body.message.split(". Ihr ");
    expect(first).toBe("Am Mittwoch, den 5. Juni, um 15 Uhr ist leider schon vergeben");
    expect(second).toMatch(
      /^bisheriger Termin am Mittwoch, den 5\. Juni, um 10 Uhr bleibt bestehen, ich könnte Ihnen aber /,
    );
    await unchanged(id, "2030-06-05T08:00:00Z");
  });
});

describe("a caller acts only on appointments of the number they call from", () => {
  it("caller B can neither cancel nor move caller A's appointment by id, nor by A's name and day", async () => {
    const id = await book("Anna Müller", "2030-06-05", "10:00");
    const cancel = await callFunction("cancel_appointment", { appointment_id: id }, caller(OTHER));
    const missing = await callFunction("cancel_appointment", { appointment_id: id + 1000 }, caller(OTHER));
    expect(cancel.body).toMatchObject({ ok: false, error: "not_found", cancelled: false });
    expect(cancel.body.message).toBe(missing.body.message);
    const byName = await callFunction(
      "cancel_appointment",
      { customer_name: "Anna Müller", date: "2030-06-05" },
      caller(OTHER),
    );
    expect(byName.body).toMatchObject({ ok: false, error: "not_found", cancelled: false });
    const move = await callFunction(
      "reschedule_appointment",
      { appointment_id: id, new_date: "2030-06-06", new_time: "11:00" },
      caller(OTHER),
    );
    expect(move.body).toMatchObject({ ok: false, error: "not_found", rescheduled: false });
    await unchanged(id, "2030-06-05T08:00:00Z");
  });

  it("a household: two customers on one number — the caller sees and cancels both", async () => {
    const anna = await book("Anna Müller", "2030-06-05", "10:00");
    const ben = await book("Ben Müller", "2030-06-06", "11:00");
    const list = await callFunction("get_customer_appointments", {}, caller(ANNA));
    expect(list.body.appointments.map((a: { appointment_id: number }) => a.appointment_id)).toEqual([anna, ben]);
    expect(list.body.message).toBe(
      "Sie haben 2 anstehende Termine: Herrenhaarschnitt am Mittwoch, den 5. Juni, um 10 Uhr bei Anna Berg " +
        "und Herrenhaarschnitt am Donnerstag, den 6. Juni, um 11 Uhr bei Anna Berg.",
    );
    expect((await callFunction("cancel_appointment", { appointment_id: ben }, caller(ANNA))).body).toMatchObject({
      ok: true,
      cancelled: true,
    });
    const many = await callFunction("cancel_appointment", {}, caller(ANNA));
    expect(many.body).toMatchObject({ ok: true, cancelled: true, appointment_id: anna });
  });
});

describe("get_customer_appointments lists only the calling number's appointments (issue 14.7)", () => {
  it("refuses another number's customer_phone without leaking an id", async () => {
    await book("Anna Müller", "2030-06-05", "10:00");
    for (const from of [OTHER, "anonymous", undefined]) {
      const result = await callFunction("get_customer_appointments", { customer_phone: ANNA }, caller(from));
      expect(result.body).toMatchObject({ ok: false, appointments: [] });
      expect(JSON.stringify(result.body)).not.toMatch(/appointment_id|Juni|Herrenhaarschnitt/);
    }
    const named = { customer_name: "Anna Müller", date: "2030-06-05" };
    expect((await callFunction("get_customer_appointments", named, caller(OTHER))).body).toMatchObject({
      appointments: [],
    });
    const other = await callFunction("get_customer_appointments", { customer_phone: ANNA }, caller(OTHER));
    expect(other.body).toMatchObject({ error: "not_found" });
    expect(other.body.message).toBe(
      "Aus Datenschutzgründen kann ich Termine nur für die Nummer nennen, von der Sie anrufen.",
    );
  });

  it.each([["+49 (0)151 1234 5678"], ["0049 151 12345678"], ["0151 1234 5678"]])(
    "finds the caller's own appointments when their number is given as %s",
    async (spoken) => {
      const id = await book("Anna Müller", "2030-06-05", "10:00");
      const asArg = await callFunction("get_customer_appointments", { customer_phone: spoken }, caller(ANNA));
      expect(asArg.body).toMatchObject({ ok: true, appointments: [expect.objectContaining({ appointment_id: id })] });
      const asCaller = await callFunction("get_customer_appointments", {}, caller(spoken));
      expect(asCaller.body).toMatchObject({
        ok: true,
        appointments: [expect.objectContaining({ appointment_id: id })],
      });
      expect(asCaller.body.message).toBe(
        "Sie haben einen anstehenden Termin: Herrenhaarschnitt am Mittwoch, den 5. Juni, um 10 Uhr bei Anna Berg.",
      );
    },
  );

  it("a withheld number is asked for name and day, then gets that name's appointments of that day only", async () => {
    const anna = await book("Anna Müller", "2030-06-05", "10:00");
    await book("Anna Müller", "2030-06-06", "10:00");
    await book("Berta Schulz", "2030-06-05", "11:00", OTHER);
    const asked = await callFunction("get_customer_appointments", {}, caller("anonymous"));
    expect(asked.body).toMatchObject({ ok: false, error: "missing_field", appointments: [] });
    expect(asked.body.message).toBe(
      "Damit ich den richtigen Termin finde: Auf welchen Namen und für welchen Tag war er gebucht?",
    );
    const dayOnly = await callFunction("get_customer_appointments", { date: "Mittwoch" }, caller("anonymous"));
    expect(dayOnly.body).toMatchObject({ ok: false, error: "missing_field", field: "customer_name" });
    expect(dayOnly.body.message).not.toMatch(/Tag/);

    const found = await callFunction(
      "get_customer_appointments",
      { customer_name: "Anna Müller", date: "Mittwoch" },
      caller("anonymous"),
    );
    expect(found.body).toMatchObject({
      ok: true,
      appointments: [expect.objectContaining({ appointment_id: anna, start: "2030-06-05T10:00:00+02:00" })],
    });
    expect(found.body.appointments).toHaveLength(1);
    expect(found.body.message).toBe(
      "Auf den Namen Anna Müller habe ich am Mittwoch, den 5. Juni, einen Termin: " +
        "Herrenhaarschnitt um 10 Uhr bei Anna Berg.",
    );
    const nobody = await callFunction(
      "get_customer_appointments",
      { customer_name: "Clara Meier", date: "Mittwoch" },
      caller(),
    );
    expect(nobody.body).toMatchObject({ ok: true, appointments: [] });
  });

  it("says honestly that it names only the next five of ten", async () => {
    const days = ["2030-06-04", "2030-06-05", "2030-06-06", "2030-06-07", "2030-06-10"];
    for (const day of days) for (const time of ["10:00", "15:00"]) await book("Anna Müller", day, time);
    const result = await callFunction("get_customer_appointments", {}, caller(ANNA));
    expect(result.body.appointments).toHaveLength(10);
    expect(result.body.message).toMatch(
      /^Sie haben 10 anstehende Termine, die nächsten fünf sind: Herrenhaarschnitt morgen, am Dienstag, den 4\. Juni/,
    );
    expect(result.body.message.match(/Herrenhaarschnitt/g)).toHaveLength(5);
    expect(expectSpeakable(result.body.message)).toBe(1);
  });
});

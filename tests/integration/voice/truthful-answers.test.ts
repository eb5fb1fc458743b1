import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { getDb } from "@/lib/db/client";
import { appointments } from "@/lib/db/schema";
import { useServerClock } from "../../support/clock";
import { makeCall, makeSalon, makeService, makeStaff, qualify } from "../../support/factories";
import { callFunction, newCallId } from "../../support/retell";
import { expectSpeakable } from "../../support/speech";

// Monday 2030-06-03, 08:00 in Berlin: the server's clock and the calls' start.
const MONDAY = new Date("2030-06-03T06:00:00Z");
const WEDNESDAY = new Date("2030-06-05T06:00:00Z");
useServerClock(MONDAY);

let salon: Awaited<ReturnType<typeof makeSalon>>;
const call = (start = MONDAY, from = "+4915112345678") => ({
  call_id: newCallId(),
  agent_id: salon.company.retellAgentId!,
  from_number: from,
  start_timestamp: start.getTime(),
});
const ask = async (name: string, args: Record<string, unknown>, c = call()) => {
  const { body } = await callFunction(name, args, c);
  expectSpeakable(body.message);
  return body;
};

beforeEach(async () => {
  salon = await makeSalon();
});

describe("refusals name their true reason (issue 14.5)", () => {
  it("a stylist who does not do the service is not 'vergeben'", async () => {
    const lena = await makeStaff(salon.company, { name: "Lena Hoffmann" });
    await qualify(salon.company, [lena.id], [salon.colour.id]);
    const check = await ask("check_availability", {
      service: "Herrenhaarschnitt",
      date: "2030-06-05",
      time: "10:00",
      staff: "Lena",
    });
    expect(check).toMatchObject({ ok: true, available: false });
    expect(check.message).toMatch(/^Lena Hoffmann bietet Herrenhaarschnitt leider nicht an\./);
    const book = await ask("book_appointment", {
      service: "Herrenhaarschnitt",
      date: "2030-06-05",
      time: "10:00",
      staff: "Lena",
      customer_name: "Karl",
    });
    expect(book).toMatchObject({ booked: false });
    expect(book.message).toContain("bietet Herrenhaarschnitt leider nicht an");
    expect(book.message).not.toContain("nicht mehr frei");
  });

  it("off the 15-minute grid with the stylist free: the grid is the reason, the nearest times are offered", async () => {
    const check = await ask("check_availability", {
      service: "Herrenhaarschnitt",
      date: "2030-06-05",
      time: "zwanzig vor elf",
      staff: "Anna",
    });
    expect(check).toMatchObject({ ok: true, available: false, requested_start: "2030-06-05T10:40:00+02:00" });
    expect(check.message).toMatch(/^Termine vergeben wir im Viertelstundentakt/);
    expect(check.message).not.toContain("vergeben.");
    expect(check.alternatives.map((a: { start: string }) => a.start)).toEqual(
      expect.arrayContaining(["2030-06-05T10:45:00+02:00", "2030-06-05T10:30:00+02:00"]),
    );
  });

  it("a Dauerwelle that would end after closing is not told the salon is closed", async () => {
    const check = await ask("check_availability", { service: "Dauerwelle", date: "2030-06-05", time: "16:30" });
    expect(check).toMatchObject({
      ok: false,
      error: "outside_opening_hours",
      requested_start: "2030-06-05T16:30:00+02:00",
    });
    expect(check.message).toContain(
      "Dauerwelle dauert 2 Stunden und 15 Minuten, ab 16 Uhr 30 schaffen wir das nicht mehr vor Ladenschluss um 18 Uhr",
    );
    expect(check.message).not.toContain("nicht geöffnet");
  });

  it("one stylist, whatever words name them: 'bei Herrn Spitzer' and 'egal wer' agree", async () => {
    const first = await makeStaff(salon.company, { name: "Fabian Spitzer" });
    const second = await makeStaff(salon.company, { name: "Fabian Spitzer" });
    await qualify(salon.company, [first.id, second.id], [salon.cut.id]);
    const busy = await makeCall(salon.company);
    const input = {
      serviceId: salon.cut.id,
      staffId: first.id,
      start: new Date("2030-06-05T08:00:00Z"),
      callId: busy.id,
      customer: { name: "Belegt" },
      now: MONDAY,
    };
    await bookAppointment({ ctx: salon.ctx, input });
    const named = await ask("check_availability", {
      service: "Herrenhaarschnitt",
      date: "2030-06-05",
      time: "10:00",
      staff: "bei Herrn Spitzer",
    });
    expect(named).toMatchObject({ available: false });
    const anyone = await ask("check_availability", {
      service: "Herrenhaarschnitt",
      date: "2030-06-05",
      time: "10:00",
      staff: "egal wer",
    });
    expect(anyone.slot?.staff_name).not.toBe("Fabian Spitzer");
  });

  it("a weekday that contradicts the date is asked back, never silently resolved", async () => {
    const check = await ask("check_availability", {
      service: "Herrenhaarschnitt",
      date: "am Montag, den 8.",
      time: "10 Uhr",
    });
    expect(check).toMatchObject({ ok: false, error: "invalid_date" });
    expect(check.message).toContain("Samstag");
  });

  it("the caller's own hold never makes a time taken when they change the service at that minute", async () => {
    const c = call();
    const held = await ask(
      "check_availability",
      { service: "Herrenhaarschnitt", date: "2030-06-05", time: "halb fünf", staff: "Anna" },
      c,
    );
    expect(held).toMatchObject({ available: true, slot: { start: "2030-06-05T16:30:00+02:00" } });
    const changed = await ask(
      "check_availability",
      { service: "Ansatzfärbung", date: "2030-06-05", time: "15:00", staff: "Anna" },
      c,
    );
    expect(changed).toMatchObject({ available: true });
    const sameMinute = await ask(
      "check_availability",
      { service: "Herrenhaarschnitt", date: "2030-06-05", time: "15:00", staff: "Anna" },
      c,
    );
    expect(sameMinute).toMatchObject({ available: true, slot: { start: "2030-06-05T15:00:00+02:00" } });
    const booked = await ask(
      "book_appointment",
      { service: "Herrenhaarschnitt", date: "2030-06-05", time: "15:00", staff: "Anna", customer_name: "Wechsel" },
      c,
    );
    expect(booked).toMatchObject({ booked: true });
  });

  it("'Färben' with three colour services asks which one, naming them", async () => {
    for (const name of ["Komplette Umfärbung", "Ansatz + Längenausgleich"])
      await makeService(salon.company, { name, minutes: 90, synonyms: ["Färben"] });
    const { services } = await import("@/lib/db/schema");
    await getDb()
      .update(services)
      .set({ synonyms: ["Färben"] })
      .where(eq(services.id, salon.colour.id));
    const answer = await ask("check_availability", { service: "Färben", date: "2030-06-05", time: "10:00" });
    expect(answer).toMatchObject({ ok: false, error: "ambiguous" });
    expect(answer.candidates).toEqual(["Ansatz + Längenausgleich", "Ansatzfärbung", "Komplette Umfärbung"]);
    expect(answer.message).toBe("Meinen Sie Ansatz + Längenausgleich, Ansatzfärbung oder Komplette Umfärbung?");
  });
});

describe("one truth for check and reschedule (issue 13, also)", () => {
  it("the caller's own appointment in the way is named, and moving it there then succeeds", async () => {
    const booked = await ask("book_appointment", {
      service: "Dauerwelle",
      date: "2030-06-05",
      time: "10:00",
      staff: "Anna",
      customer_name: "Vera Welle",
    });
    expect(booked).toMatchObject({ booked: true });
    const later = call();
    const check = await ask(
      "check_availability",
      { service: "Dauerwelle", date: "2030-06-05", time: "11:00", staff: "Anna" },
      later,
    );
    expect(check).toMatchObject({ ok: true, available: false, own_appointment_id: booked.appointment_id });
    expect(check.message).toMatch(
      /^Zu dieser Zeit haben Sie bereits einen Termin: Dauerwelle am Mittwoch, den 5\. Juni, um 10 Uhr bei Anna Berg\. Soll ich ihn auf/,
    );
    const moved = await ask(
      "reschedule_appointment",
      { appointment_id: booked.appointment_id, new_date: "2030-06-05", new_time: "11:00" },
      later,
    );
    expect(moved).toMatchObject({ ok: true, rescheduled: true, start: "2030-06-05T11:00:00+02:00" });
  });
});

describe("nothing before the server's clock, nothing beyond the horizon (issue 14.4)", () => {
  it("a start_timestamp in the past offers and holds nothing that has already passed", async () => {
    const stale = call(new Date("2030-06-02T08:00:00Z"));
    const passed = await ask(
      "check_availability",
      { service: "Herrenhaarschnitt", date: "2030-06-03", time: "07:30" },
      stale,
    );
    expect(passed).toMatchObject({ ok: false, error: "in_past", requested_start: "2030-06-03T07:30:00+02:00" });
    const earlyToday = await ask(
      "check_availability",
      { service: "Herrenhaarschnitt", date: "heute", time: "9 Uhr" },
      stale,
    );
    expect(earlyToday).toMatchObject({ ok: false, error: "in_past", requested_start: "2030-06-02T09:00:00+02:00" });
    for (const a of earlyToday.alternatives as { start: string }[])
      expect(Date.parse(a.start)).toBeGreaterThanOrEqual(MONDAY.getTime());
  });

  it("2100-06-01 is refused in German and nothing is booked; 9999-12-31 is no internal error", async () => {
    const far = await ask("book_appointment", {
      service: "Herrenhaarschnitt",
      date: "2100-06-01",
      time: "10:00",
      customer_name: "Zukunft",
    });
    expect(far).toMatchObject({ ok: false, booked: false, error: "invalid_date" });
    expect(far.message).toMatch(
      /^So weit im Voraus vergeben wir noch keine Termine \(nur bis Samstag, den 30\. November\), es wurde nichts gebucht\./,
    );
    const farther = await ask("check_availability", {
      service: "Herrenhaarschnitt",
      date: "9999-12-31",
      time: "10:00",
    });
    expect(farther.error).not.toBe("internal");
    expect(await getDb().select().from(appointments).where(eq(appointments.companyId, salon.company.id))).toEqual([]);
  });
});

describe("dates a receptionist understands (issue 14.3)", () => {
  it("'letzten Freitag' on a Wednesday is in the past, with the right requested_start", async () => {
    const answer = await ask(
      "check_availability",
      { service: "Herrenhaarschnitt", date: "letzten Freitag", time: "10 Uhr" },
      call(WEDNESDAY),
    );
    expect(answer).toMatchObject({ ok: false, error: "in_past", requested_start: "2030-05-31T10:00:00+02:00" });
  });

  it.each([
    ["Freitag in einer Woche", "zehn Uhr", "2030-06-14T10:00:00+02:00"],
    ["in zwei Wochen am Mittwoch", "Punkt zehn", "2030-06-19T10:00:00+02:00"],
    ["den siebten", "10:00", "2030-06-07T10:00:00+02:00"],
  ])("%s um %s", async (date, time, expected) => {
    const answer = await ask("check_availability", { service: "Herrenhaarschnitt", date, time });
    expect(answer.requested_start).toBe(expected);
  });

  it("a negative time is asked back", async () => {
    expect(
      await ask("check_availability", { service: "Herrenhaarschnitt", date: "2030-06-05", time: "-10:00" }),
    ).toMatchObject({ ok: false, error: "invalid_date" });
  });
});

describe("natural German (issue 14, last part)", () => {
  it("booked with 'am', alternatives compact, every message at most two sentences", async () => {
    const booked = await ask("book_appointment", {
      service: "Herrenhaarschnitt",
      date: "2030-06-10",
      time: "16:00",
      staff: "Anna",
      customer_name: "Karl",
    });
    expect(booked.message).toBe(
      "Ihr Termin ist gebucht: Herrenhaarschnitt am Montag, den 10. Juni, um 16 Uhr bei Anna Berg. Wir freuen uns auf Sie!",
    );
    const tomorrow = await ask("check_availability", { service: "Herrenhaarschnitt", date: "morgen", time: "10:00" });
    expect(tomorrow.message).toMatch(
      /^Herrenhaarschnitt morgen, am Dienstag, den 4\. Juni, um 10 Uhr ist bei \w+ \w+ frei\./,
    );
    const taken = await ask("book_appointment", {
      service: "Herrenhaarschnitt",
      date: "2030-06-10",
      time: "16:00",
      staff: "Anna",
      customer_name: "Zweiter",
    });
    expect(taken).toMatchObject({ booked: false, error: "slot_taken" });
    expect(taken.message).toMatch(
      /^Am Montag, den 10\. Juni, um 16 Uhr ist leider nicht mehr frei, es wurde nichts gebucht\. Ich könnte Ihnen um /,
    );
    const perm = await ask("check_availability", { service: "Dauerwelle", date: "2030-06-10", time: "10:00" });
    expect(perm.message).toMatch(
      /ist bei .* frei, die Behandlung dauert insgesamt etwa 2 Stunden und 15 Minuten\. Soll ich den Termin für Sie buchen\?$/,
    );
    const rows = await getDb()
      .select()
      .from(appointments)
      .where(and(eq(appointments.companyId, salon.company.id), eq(appointments.status, "confirmed")));
    expect(rows).toHaveLength(1);
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { saveSpecialDays, updateHolidays } from "@/lib/companies";
import { getDb } from "@/lib/db/client";
import { salonSpecialDays } from "@/lib/db/schema";
import { useServerClock } from "../../support/clock";
import { callFunction, newCallId } from "../../support/retell";
import { expectSpeakable } from "../../support/speech";
import { salonIn } from "./salon";

// Monday 2026-12-21, 08:00 in Berlin: the server's clock and the calls' start.
const MONDAY = new Date("2026-12-21T07:00:00Z");
useServerClock(MONDAY);

let salon: Awaited<ReturnType<typeof salonIn>>;
const ask = async (name: string, args: Record<string, unknown>) => {
  const call = {
    call_id: newCallId(),
    agent_id: salon.company.retellAgentId!,
    from_number: "+4915112345678",
    start_timestamp: MONDAY.getTime(),
  };
  const { body } = await callFunction(name, args, call);
  expectSpeakable(body.message);
  return body;
};

beforeEach(async () => {
  salon = await salonIn("BE");
});

describe("the voice agent on holidays and closed days", () => {
  it("25 December: names the holiday and offers the next open day (Saturday 26th is a holiday too)", async () => {
    const check = await ask("check_availability", { service: "Herrenhaarschnitt", date: "25.12.", time: "10 Uhr" });
    expect(check).toMatchObject({ ok: false, error: "outside_opening_hours", available: false });
    expect(check.message).toMatch(
      /^Am Freitag, den 25\. Dezember, ist erster Weihnachtstag, da haben wir geschlossen\. Ich könnte Ihnen am Montag, den 28\. Dezember bei \w+ \w+ um 10 Uhr/,
    );
    expect(check.alternatives.length).toBeGreaterThan(0);
    expect(check.alternatives.every((a: { start: string }) => a.start.startsWith("2026-12-28"))).toBe(true);
  });

  it("without a time the day listing says the same; a booking there is refused with the same truth", async () => {
    const day = await ask("check_availability", { service: "Herrenhaarschnitt", date: "2026-12-26" });
    expect(day).toMatchObject({ ok: false, error: "outside_opening_hours", slots: [] });
    expect(day.message).toMatch(
      /^Am Samstag, den 26\. Dezember, ist zweiter Weihnachtstag, da haben wir geschlossen\./,
    );
    const book = await ask("book_appointment", {
      service: "Herrenhaarschnitt",
      date: "2026-12-25",
      time: "10:00",
      customer_name: "Karl Klein",
    });
    expect(book).toMatchObject({ ok: false, booked: false, error: "outside_opening_hours" });
    expect(book.message).toMatch(
      /^Am Freitag, den 25\. Dezember, ist erster Weihnachtstag, da haben wir geschlossen\b/,
    );
    const rows = await salon.ctx.db.execute(`select id from appointments where company_id = '${salon.company.id}'`);
    expect(rows).toHaveLength(0);
  });

  it("a special closed day is said with its reason, one without reason plainly", async () => {
    await saveSpecialDays({
      ctx: salon.ctx,
      input: { from: "2026-12-29", to: "2026-12-30", reason: "Betriebsurlaub" },
    });
    await saveSpecialDays({ ctx: salon.ctx, input: { from: "2026-12-31" } });
    const check = await ask("check_availability", { service: "Herrenhaarschnitt", date: "2026-12-30", time: "11:00" });
    expect(check.message).toMatch(/^Am Mittwoch, den 30\. Dezember, haben wir wegen Betriebsurlaub geschlossen\. /);
    const plain = await ask("check_availability", { service: "Herrenhaarschnitt", date: "2026-12-31" });
    expect(plain.message).toMatch(/^Am Donnerstag, den 31\. Dezember, haben wir geschlossen\. /);
    // Neujahr follows; the next open day is Saturday, 2 January.
    expect(plain.alternatives[0].start).toMatch(/^2027-01-02T/);
  });

  it("special hours: a time outside them is refused with the day's hours", async () => {
    await saveSpecialDays({
      ctx: salon.ctx,
      input: { from: "2026-12-22", hours: [{ open: "10:00", close: "14:00" }] },
    });
    const check = await ask("check_availability", { service: "Herrenhaarschnitt", date: "2026-12-22", time: "16:00" });
    expect(check.message).toMatch(/an dem Tag haben wir nur von 10 bis 14 Uhr geöffnet\./);
    expect(check.alternatives.map((a: { start: string }) => a.start)).toContain("2026-12-22T13:30:00+01:00");
  });

  it("a holiday named by the caller (the named-day parser) is closed in Bayern and open in Berlin", async () => {
    const berlinDay = await ask("check_availability", { service: "Herrenhaarschnitt", date: "Fronleichnam" });
    expect(berlinDay).toMatchObject({ ok: true, date: "2027-05-27" });
    expect(berlinDay.slots.length).toBeGreaterThan(0);
    salon = await salonIn("BY");
    const bavaria = await ask("check_availability", { service: "Herrenhaarschnitt", date: "Fronleichnam" });
    expect(bavaria).toMatchObject({ ok: false, error: "outside_opening_hours", slots: [] });
    expect(bavaria.message).toMatch(/^Am Donnerstag, den 27\. Mai, ist Fronleichnam, da haben wir geschlossen\. /);
    expect(bavaria.alternatives[0].start).toMatch(/^2027-05-28T/);
  });

  it("changes count from the next call: the Bundesland at once, a special day written elsewhere by its catalog version", async () => {
    const ask6th = () => ask("check_availability", { service: "Herrenhaarschnitt", date: "2027-01-06", time: "10:00" });
    expect(await ask6th()).toMatchObject({ ok: true, available: true });
    await updateHolidays({ ctx: salon.ctx, input: { state: "BY" } });
    expect((await ask6th()).message).toMatch(/^Am Mittwoch, den 6\. Januar, ist Heilige Drei Könige, da haben wir/);
    // Another process writes a special day: this process's cached copy must not outlive the bumped version.
    expect(await ask("check_availability", { service: "Herrenhaarschnitt", date: "2027-01-07" })).toMatchObject({
      ok: true,
    });
    await getDb()
      .insert(salonSpecialDays)
      .values({ companyId: salon.company.id, day: "2027-01-07", reason: "Inventur" });
    const closed = await ask("check_availability", { service: "Herrenhaarschnitt", date: "2027-01-07" });
    expect(closed.message).toMatch(/^Am Donnerstag, den 7\. Januar, haben wir wegen Inventur geschlossen\./);
  });

  it("a perm that would run into the lunch break is told so, not that the salon closes", async () => {
    salon = await salonIn("BE", {
      openingHours: {
        "1": [
          { open: "09:00", close: "12:00" },
          { open: "13:00", close: "18:00" },
        ],
      },
    });
    const check = await ask("check_availability", { service: "Dauerwelle", date: "2027-01-11", time: "11:00" });
    expect(check.message).toMatch(/ab 11 Uhr schaffen wir das nicht mehr vor der Mittagspause um 12 Uhr\./);
  });
});

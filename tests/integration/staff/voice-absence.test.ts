import { describe, expect, it } from "vitest";
import { addAbsence } from "@/lib/staff";
import { useServerClock } from "../../support/clock";
import { makeSalon } from "../../support/factories";
import { callFunction, newCallId } from "../../support/retell";
import { expectSpeakable } from "../../support/speech";

// Monday 2030-06-03, 08:00 in Berlin: the server's clock and the calls' start.
const MONDAY = new Date("2030-06-03T06:00:00Z");
useServerClock(MONDAY);

describe("the voice agent and absences", () => {
  it("says the stylist is not in — never why — and takes effect with the next call", async () => {
    const salon = await makeSalon();
    const ask = async (args: Record<string, unknown>) => {
      const call = {
        call_id: newCallId(),
        agent_id: salon.company.retellAgentId!,
        from_number: "+4915112345678",
        start_timestamp: MONDAY.getTime(),
      };
      const { body } = await callFunction("check_availability", args, call);
      expectSpeakable(body.message);
      return body;
    };
    const wednesday = { service: "Herrenhaarschnitt", date: "2030-06-05", time: "10:00", staff: "Anna" };
    expect(await ask(wednesday)).toMatchObject({ ok: true, available: true });

    await addAbsence({
      ctx: salon.ctx,
      input: {
        staffId: salon.anna.id,
        kind: "sick",
        repeat: "once",
        allDay: true,
        fromDate: "2030-06-05",
        toDate: "2030-06-06",
      },
    });
    const absent = await ask(wednesday);
    expect(absent).toMatchObject({ ok: true, available: false });
    expect(absent.message).toMatch(/^Anna Berg ist am Mittwoch, den 5\. Juni leider nicht im Salon\./);
    expect(absent.message).not.toMatch(/krank|urlaub|fortbildung|vergeben/i);

    await addAbsence({
      ctx: salon.ctx,
      input: {
        staffId: salon.anna.id,
        kind: "other",
        repeat: "weekly",
        allDay: false,
        weekday: 5,
        startTime: "14:00",
        endTime: "18:00",
        validFrom: "2030-06-01",
      },
    });
    const friday = await ask({ ...wednesday, date: "2030-06-07", time: "15:00" });
    expect(friday).toMatchObject({ ok: true, available: false });
    expect(friday.message).toMatch(/^Anna Berg ist am Freitag, den 7\. Juni, um 15 Uhr leider nicht im Salon\./);
    // Anyone will do: Ben is there.
    expect(await ask({ service: "Herrenhaarschnitt", date: "2030-06-05", time: "10:00" })).toMatchObject({
      available: true,
    });
  });
});

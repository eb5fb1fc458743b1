import { describe, expect, it } from "vitest";
import { bookAppointment, cancelAppointment } from "@/lib/booking";
import { getCalendar } from "@/lib/calendar";
import { setServerClock } from "@/lib/time/clock";
import { utcOffsetMs } from "@/lib/time/zoned";
import { useServerClock } from "../../support/clock";
import { EVERY_DAY, ctxFor, makeSalon, makeStaff } from "../../support/factories";
import { salonIn } from "../hours/salon";
import { TZ, berlin, localHhmm, makeAbsence, makeExternalBusy, makeHold, setStaff } from "./helpers";

// Every test reads the weeks of 15 and 22 March 2027 from a fixed "now" before them.
const NOW = new Date("2027-03-10T08:00:00Z");
useServerClock(NOW);
const MONDAY = "2027-03-15";
const customer = (n: number) => ({ name: `Kundin ${n}`, phone: `+491511234${String(n).padStart(4, "0")}` });

const slotTimes = (day: { free: { slots: Date[] }[] }) => day.free.flatMap((f) => f.slots.map(localHhmm));

describe("the calendar (Kalender)", () => {
  it("a week runs Monday to Sunday of the chosen date in the salon's zone, also in the week clocks go forward", async () => {
    const { ctx } = await makeSalon({ openingHours: EVERY_DAY("09:00", "18:00") });
    const week = await getCalendar({ ctx, input: { view: "week", date: "2027-03-18" } });
    expect(week.days.map((d) => d.date)).toEqual([
      "2027-03-15",
      "2027-03-16",
      "2027-03-17",
      "2027-03-18",
      "2027-03-19",
      "2027-03-20",
      "2027-03-21",
    ]);
    const day = await getCalendar({ ctx, input: { view: "day", date: "2027-03-18" } });
    expect(day.days.map((d) => d.date)).toEqual(["2027-03-18"]);

    // Sunday 2027-03-28: 02:00 becomes 03:00. Opening at 09:00 local is 08:00Z on Monday, 07:00Z on Sunday.
    const dst = await getCalendar({ ctx, input: { view: "week", date: "2027-03-28" } });
    expect(dst.days[0]!.date).toBe("2027-03-22");
    expect(dst.days[6]!.date).toBe("2027-03-28");
    expect(utcOffsetMs(berlin("2027-03-22", "12:00").getTime(), TZ)).not.toBe(
      utcOffsetMs(berlin("2027-03-28", "12:00").getTime(), TZ),
    );
    expect(dst.days[0]!.opening[0]!.start.toISOString()).toBe("2027-03-22T08:00:00.000Z");
    expect(dst.days[6]!.opening[0]!.start.toISOString()).toBe("2027-03-28T07:00:00.000Z");
    const sunday = dst.columns[0]!.days[6]!;
    expect(sunday.working[0]!.start.toISOString()).toBe("2027-03-28T07:00:00.000Z");
    expect(slotTimes(sunday)[0]).toBe("09:00");
    expect(slotTimes(sunday).at(-1)).toBe("17:45");
    expect(slotTimes(sunday)).toHaveLength(36);
  });

  it("a composite appointment shows the phases with the stylist and the Einwirkzeit, bookable only where the salon allows it", async () => {
    for (const allowGapBooking of [false, true]) {
      const { ctx, anna, colour } = await makeSalon({ allowGapBooking });
      const { appointment } = await bookAppointment({
        ctx,
        input: {
          serviceId: colour.id,
          start: berlin(MONDAY, "10:00"),
          staffId: anna.id,
          customer: customer(1),
          now: NOW,
        },
      });
      const calendar = await getCalendar({ ctx, input: { view: "day", date: MONDAY } });
      const column = calendar.columns.find((c) => c.staffId === anna.id)!;
      const [shown] = column.days[0]!.appointments;
      expect(shown).toMatchObject({ id: appointment.id, customerName: "Kundin 1", serviceName: "Ansatzfärbung" });
      expect(shown!.status).toBe("confirmed");
      expect(
        shown!.phases.map((p) => [p.name, localHhmm(p.start), localHhmm(p.end), p.withStylist, p.bookable]),
      ).toEqual([
        ["Ansatzfärbung auftragen", "10:00", "10:30", true, false],
        ["Einwirkzeit", "10:30", "11:00", false, allowGapBooking],
        ["Auswaschen", "11:00", "11:20", true, false],
        ["Formschnitt", "11:20", "12:00", true, false],
        ["Föhnen & Styling", "12:00", "12:40", true, false],
      ]);
      const slots = slotTimes(column.days[0]!);
      expect(calendar.gapBooking).toBe(allowGapBooking);
      if (allowGapBooking) expect(slots).toEqual(expect.arrayContaining(["10:30", "10:45"]));
      else expect(slots.filter((t) => t >= "10:00" && t < "12:40")).toEqual([]);
      expect(slots).toContain("09:45");
      expect(slots).not.toContain("11:00");
      expect(slots).toContain("12:45");
    }
  });

  it("holds of ongoing calls, absences and Cal.com busy time appear, and free slots leave them out", async () => {
    const { ctx, company, anna, ben, cut } = await makeSalon();
    const { call } = await makeHold(company, {
      staffId: anna.id,
      serviceId: cut.id,
      start: berlin(MONDAY, "10:00"),
      minutes: 30,
      expiresAt: new Date(NOW.getTime() + 5 * 60_000),
    });
    await makeHold(company, {
      staffId: anna.id,
      serviceId: cut.id,
      start: berlin(MONDAY, "11:00"),
      minutes: 30,
      expiresAt: new Date(NOW.getTime() - 60_000),
    });
    await makeHold(company, {
      staffId: anna.id,
      serviceId: cut.id,
      start: berlin(MONDAY, "12:00"),
      minutes: 30,
      expiresAt: new Date(NOW.getTime() + 5 * 60_000),
      status: "released",
    });
    await makeExternalBusy(company, anna.id, berlin(MONDAY, "14:00"), berlin(MONDAY, "15:00"));
    await makeAbsence(company, {
      staffId: ben.id,
      kind: "vacation",
      allDay: true,
      startsAt: berlin("2027-03-16", "00:00"),
      endsAt: berlin("2027-03-18", "00:00"),
    });
    await makeAbsence(company, {
      staffId: anna.id,
      kind: "training",
      weekday: 3,
      startTime: "13:00",
      endTime: "18:00",
      validFrom: "2027-03-01",
      validUntil: null,
    });

    const calendar = await getCalendar({ ctx, input: { view: "week", date: MONDAY } });
    const annaDays = calendar.columns.find((c) => c.staffId === anna.id)!.days;
    const benDays = calendar.columns.find((c) => c.staffId === ben.id)!.days;

    expect(annaDays[0]!.holds.map((h) => [h.callId, localHhmm(h.start), localHhmm(h.end)])).toEqual([
      [call.id, "10:00", "10:30"],
    ]);
    expect(annaDays[0]!.busy.map((b) => [localHhmm(b.start), localHhmm(b.end)])).toEqual([["14:00", "15:00"]]);
    const monday = slotTimes(annaDays[0]!);
    expect(monday).toContain("09:45");
    expect(monday.filter((t) => t >= "10:00" && t < "10:30")).toEqual([]);
    expect(monday).toEqual(expect.arrayContaining(["10:30", "11:00", "12:00", "13:45", "15:00"]));
    expect(monday.filter((t) => t >= "14:00" && t < "15:00")).toEqual([]);

    // Ben's holiday: Tuesday and Wednesday whole days, nothing free; Thursday he is back.
    for (const i of [1, 2]) {
      expect(benDays[i]!.absences).toMatchObject([{ kind: "vacation", allDay: true, weekly: false }]);
      expect(benDays[i]!.free).toEqual([]);
    }
    expect(benDays[3]!.absences).toEqual([]);
    expect(slotTimes(benDays[3]!)).toContain("09:00");

    // Anna's weekly training: Wednesdays from 13:00.
    expect(annaDays[2]!.absences.map((a) => [a.kind, a.weekly, localHhmm(a.start), localHhmm(a.end)])).toEqual([
      ["training", true, "13:00", "18:00"],
    ]);
    expect(slotTimes(annaDays[2]!).at(-1)).toBe("12:45");
    expect(annaDays[1]!.absences).toEqual([]);
  });

  it("a public holiday closes the salon: the day says why and offers nothing", async () => {
    const { ctx, anna } = await salonIn("BE");
    // Karfreitag 2027 is 26 March.
    const calendar = await getCalendar({ ctx, input: { view: "week", date: "2027-03-24" } });
    const friday = calendar.days[4]!;
    expect(friday).toMatchObject({ date: "2027-03-26", opening: [], closure: { kind: "holiday", name: "Karfreitag" } });
    const annaFriday = calendar.columns.find((c) => c.staffId === anna.id)!.days[4]!;
    expect(annaFriday.working).not.toEqual([]);
    expect(annaFriday.free).toEqual([]);
    expect(calendar.days[6]!.closure).toEqual({ kind: "closed" });
    expect(calendar.days[0]!.closure).toBeNull();
  });

  it("free time starts at the server's now, not before", async () => {
    const { company } = await makeSalon();
    const ctx = ctxFor(company);
    setServerClock(berlin(MONDAY, "12:10"));
    const calendar = await getCalendar({ ctx, input: { view: "day", date: MONDAY } });
    expect(slotTimes(calendar.columns[0]!.days[0]!)[0]).toBe("12:15");
  });

  it("shows only the salon's own stylists and appointments, active and unmerged, with labels that tell same names apart", async () => {
    const { ctx, company, cut, anna } = await makeSalon();
    const first = await makeStaff(company, { name: "Fabian Spitzer" });
    const second = await makeStaff(company, { name: "Fabian Spitzer" });
    const away = await makeStaff(company, { name: "Carla Inaktiv" });
    await setStaff(away.id, { active: false });
    const merged = await makeStaff(company, { name: "Dora Doppelt" });
    await setStaff(merged.id, { mergedInto: anna.id });
    await setStaff(first.id, { color: "#aa3377" });

    const other = await makeSalon();
    const { appointment: foreign } = await bookAppointment({
      ctx: other.ctx,
      input: {
        serviceId: other.cut.id,
        start: berlin(MONDAY, "10:00"),
        staffId: other.anna.id,
        customer: customer(9),
        now: NOW,
      },
    });
    await makeExternalBusy(other.company, other.anna.id, berlin(MONDAY, "14:00"), berlin(MONDAY, "15:00"));
    const { appointment: own } = await bookAppointment({
      ctx,
      input: { serviceId: cut.id, start: berlin(MONDAY, "10:00"), staffId: anna.id, customer: customer(2), now: NOW },
    });

    const calendar = await getCalendar({ ctx, input: { view: "week", date: MONDAY } });
    expect(calendar.columns.map((c) => c.label)).toEqual([
      "Anna Berg",
      "Ben Vogel",
      "Fabian Spitzer",
      "Fabian Spitzer (2)",
    ]);
    expect(calendar.columns.find((c) => c.staffId === first.id)).toMatchObject({
      label: "Fabian Spitzer",
      color: "#aa3377",
    });
    expect(calendar.columns.find((c) => c.staffId === second.id)!.label).toBe("Fabian Spitzer (2)");
    const ids = calendar.columns.flatMap((c) => c.days.flatMap((d) => d.appointments.map((a) => a.id)));
    expect(ids).toEqual([own.id]);
    expect(ids).not.toContain(foreign.id);
    expect(calendar.columns.flatMap((c) => c.days.flatMap((d) => d.busy))).toEqual([]);

    // The "Mitarbeiter" choice: only the chosen columns (and their rows), the chooser still lists everyone.
    const chosen = await getCalendar({ ctx, input: { view: "week", date: MONDAY, staff: [second.id, anna.id] } });
    expect(chosen.columns.map((c) => c.label)).toEqual(["Anna Berg", "Fabian Spitzer (2)"]);
    expect(chosen.stylists.map((s) => s.label)).toEqual([
      "Anna Berg",
      "Ben Vogel",
      "Fabian Spitzer",
      "Fabian Spitzer (2)",
    ]);
    expect(chosen.columns.flatMap((c) => c.days.flatMap((d) => d.appointments.map((a) => a.id)))).toEqual([own.id]);
  });

  it("a cancelled appointment frees its time and disappears", async () => {
    const { ctx, anna, cut } = await makeSalon();
    const { appointment } = await bookAppointment({
      ctx,
      input: { serviceId: cut.id, start: berlin(MONDAY, "10:00"), staffId: anna.id, customer: customer(3), now: NOW },
    });
    await cancelAppointment({ ctx, input: { appointmentId: appointment.id } });
    const calendar = await getCalendar({ ctx, input: { view: "day", date: MONDAY } });
    const day = calendar.columns.find((c) => c.staffId === anna.id)!.days[0]!;
    expect(day.appointments).toEqual([]);
    expect(slotTimes(day)).toContain("10:00");
  });

  it("refuses a date that does not exist", async () => {
    const { ctx } = await makeSalon();
    await expect(getCalendar({ ctx, input: { view: "week", date: "2027-02-30" } })).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });
});

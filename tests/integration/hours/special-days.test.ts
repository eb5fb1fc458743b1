import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { deleteSpecialDay, listSpecialDays, saveSpecialDays } from "@/lib/companies";
import { appointments, salonSpecialDays } from "@/lib/db/schema";
import { getDb } from "@/lib/db/client";
import { useServerClock } from "../../support/clock";
import { berlin, salonIn } from "./salon";

useServerClock(new Date("2027-02-01T07:00:00Z"));
const customer = { name: "Erika Muster", phone: "+4915112345670" };

async function salonWithBookings() {
  const s = await salonIn("BE");
  const book = (date: string, hhmm: string) =>
    bookAppointment({
      ctx: s.ctx,
      input: { serviceId: s.cut.id, staffId: s.anna.id, start: berlin(date, hhmm), customer },
    });
  const morning = await book("2027-02-10", "09:30");
  const afternoon = await book("2027-02-10", "15:00");
  const nextDay = await book("2027-02-11", "11:00");
  return { ...s, morning, afternoon, nextDay };
}
const specialDaysOf = (companyId: string) =>
  getDb().select().from(salonSpecialDays).where(eq(salonSpecialDays.companyId, companyId));
const followUps = async (companyId: string) =>
  (await getDb().select().from(appointments).where(eq(appointments.companyId, companyId)))
    .filter((a) => a.followUpReason)
    .map((a) => a.id)
    .sort((a, b) => a - b);

describe("special days", () => {
  it("a closure over booked days is shown first and written only when confirmed; the appointments are marked, not cancelled", async () => {
    const s = await salonWithBookings();
    const input = { from: "2027-02-10", to: "2027-02-12", reason: "Betriebsurlaub" };
    const preview = await saveSpecialDays({ ctx: s.ctx, input });
    expect(preview.saved).toBe(false);
    expect(!preview.saved && preview.affected.map((a) => a.id)).toEqual([
      s.morning.appointment.id,
      s.afternoon.appointment.id,
      s.nextDay.appointment.id,
    ]);
    expect(!preview.saved && preview.affected[0]).toMatchObject({
      customerName: "Erika Muster",
      staffName: "Anna Berg",
    });
    expect(await specialDaysOf(s.company.id)).toEqual([]);
    expect(await followUps(s.company.id)).toEqual([]);

    const saved = await saveSpecialDays({ ctx: s.ctx, input: { ...input, confirm: true } });
    expect(saved).toMatchObject({ saved: true, days: 3 });
    expect((await specialDaysOf(s.company.id)).map((d) => d.day).sort()).toEqual([
      "2027-02-10",
      "2027-02-11",
      "2027-02-12",
    ]);
    const rows = await getDb().select().from(appointments).where(eq(appointments.companyId, s.company.id));
    expect(rows.every((r) => r.status === "confirmed")).toBe(true);
    expect(rows.every((r) => r.followUpReason?.includes("Betriebsurlaub") && r.followUpAt)).toBe(true);
  });

  it("special hours flag only the appointments that no longer fit", async () => {
    const s = await salonWithBookings();
    const preview = await saveSpecialDays({
      ctx: s.ctx,
      input: { from: "2027-02-10", hours: [{ open: "09:00", close: "13:00" }] },
    });
    expect(!preview.saved && preview.affected.map((a) => a.id)).toEqual([s.afternoon.appointment.id]);
    await saveSpecialDays({
      ctx: s.ctx,
      input: { from: "2027-02-10", hours: [{ open: "09:00", close: "13:00" }], confirm: true },
    });
    expect(await followUps(s.company.id)).toEqual([s.afternoon.appointment.id]);
  });

  it("saving a day again replaces it; invalid input is refused in German and writes nothing", async () => {
    const s = await salonIn("BE");
    await saveSpecialDays({ ctx: s.ctx, input: { from: "2027-03-01", reason: "Fortbildung" } });
    await saveSpecialDays({ ctx: s.ctx, input: { from: "2027-03-01", hours: [{ open: "12:00", close: "16:00" }] } });
    expect(await listSpecialDays({ ctx: s.ctx })).toMatchObject([
      { day: "2027-03-01", hours: [{ open: "12:00", close: "16:00" }], reason: null },
    ]);
    const refused = [
      { from: "2027-03-05", to: "2027-03-04" },
      {
        from: "2027-03-05",
        hours: [
          { open: "09:00", close: "13:00" },
          { open: "12:00", close: "18:00" },
        ],
      },
      { from: "2027-03-05", hours: [{ open: "14:00", close: "10:00" }] },
      { from: "2027-03-05", to: "2027-09-05" },
    ];
    const errors: { code: string; message: string }[] = [];
    for (const input of refused)
      await saveSpecialDays({ ctx: s.ctx, input }).then(
        () => errors.push({ code: "SAVED", message: "" }),
        (e: { code: string; message: string }) => errors.push(e),
      );
    expect(errors.map((e) => e.code)).toEqual(["VALIDATION", "VALIDATION", "VALIDATION", "VALIDATION"]);
    expect(errors.map((e) => e.message).join(" ")).toMatch(
      /Bis-Datum liegt vor dem Von-Datum.*überschneiden sich.*Schließzeit muss nach der Öffnungszeit.*Höchstens 62 Tage/,
    );
    expect(await specialDaysOf(s.company.id)).toHaveLength(1);
  });

  it("tenants stay apart: another salon's special day is neither listed nor deleted", async () => {
    const mine = await salonIn("BE");
    const theirs = await salonIn("BY");
    await saveSpecialDays({ ctx: theirs.ctx, input: { from: "2027-04-01", reason: "Umbau" } });
    const [row] = await specialDaysOf(theirs.company.id);
    expect(await listSpecialDays({ ctx: mine.ctx })).toEqual([]);
    await expect(deleteSpecialDay({ ctx: mine.ctx, input: { id: row!.id } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await specialDaysOf(theirs.company.id)).toHaveLength(1);
    // A closure of one salon never marks another salon's appointments.
    await bookAppointment({
      ctx: mine.ctx,
      input: { serviceId: mine.cut.id, start: berlin("2027-04-01", "10:00"), customer },
    });
    const other = await saveSpecialDays({ ctx: theirs.ctx, input: { from: "2027-04-01", reason: "Umbau" } });
    expect(other).toMatchObject({ saved: true, flagged: [] });
    await deleteSpecialDay({ ctx: theirs.ctx, input: { id: row!.id } });
    expect(await specialDaysOf(theirs.company.id)).toEqual([]);
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { addAbsenceAction, setHoursAction, updateProfileAction } from "@/app/(admin)/staff/[id]/actions";
import { createStaffAction } from "@/app/(admin)/staff/actions";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { getDb } from "@/lib/db/client";
import { appointments, staff, staffAbsences, staffWorkingHours } from "@/lib/db/schema";
import { zonedInstant } from "@/lib/time/zoned";
import { signInAs } from "../../support/admin-session";
import { useServerClock } from "../../support/clock";
import { makeSalon } from "../../support/factories";

vi.mock("next/headers", async () => (await import("../../support/admin-session")).fakeHeaders);
vi.mock("next/cache", async () => (await import("../../support/admin-session")).fakeCache);
vi.mock("@/lib/auth/auth", async () => (await import("../../support/admin-session")).fakeAuth);

useServerClock(new Date("2027-02-26T12:00:00Z"));

const formOf = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  return data;
};

describe("staff forms through their server actions", () => {
  it("an absence form over a booked appointment: first the list, then confirm saves and marks it", async () => {
    const { company, ctx, anna, cut } = await makeSalon();
    signInAs(company.id);
    const booked = await bookAppointment({
      ctx,
      input: {
        serviceId: cut.id,
        start: zonedInstant("2027-03-03", 600, "Europe/Berlin"),
        staffId: anna.id,
        customer: { name: "Erika Muster", phone: "+4915112345670" },
      },
    });
    const fields = { kind: "vacation", repeat: "once", allDay: "on", fromDate: "2027-03-01", toDate: "2027-03-05" };
    const first = await addAbsenceAction(anna.id, formOf(fields));
    expect(first).toMatchObject({
      ok: false,
      needsConfirm: true,
      affected: [{ id: booked.appointment.id, customer: "Erika Muster" }],
    });
    expect(first!.message).toContain("einen gebuchten Termin");
    expect(await getDb().select().from(staffAbsences).where(eq(staffAbsences.staffId, anna.id))).toEqual([]);

    const confirmed = await addAbsenceAction(anna.id, formOf({ ...fields, confirm: "yes" }));
    expect(confirmed).toMatchObject({ ok: true, affected: [{ id: booked.appointment.id }] });
    expect(confirmed!.message).toContain("Urlaub von Anna Berg – Kundin anrufen");
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, booked.appointment.id));
    expect(row).toMatchObject({ status: "confirmed", followUpReason: "Urlaub von Anna Berg – Kundin anrufen" });
  });

  it("bad hours and another salon's stylist: a German message and nothing written", async () => {
    const mine = await makeSalon();
    const theirs = await makeSalon();
    signInAs(mine.company.id);
    const before = await getDb().select().from(staffWorkingHours).where(eq(staffWorkingHours.staffId, mine.anna.id));
    const hours = JSON.stringify([
      { weekday: 1, start: "09:00", end: "12:30" },
      { weekday: 1, start: "12:00", end: "18:00" },
    ]);
    const state = await setHoursAction(mine.anna.id, formOf({ hours }));
    expect(state).toMatchObject({ ok: false, errors: ["Montag: 09:00–12:30 und 12:00–18:00 überschneiden sich"] });
    expect(await getDb().select().from(staffWorkingHours).where(eq(staffWorkingHours.staffId, mine.anna.id))).toEqual(
      before,
    );

    const foreign = await updateProfileAction(theirs.anna.id, formOf({ name: "Gekapert" }));
    expect(foreign).toMatchObject({ ok: false });
    const [them] = await getDb().select().from(staff).where(eq(staff.id, theirs.anna.id));
    expect(them!.name).toBe("Anna Berg");
  });

  it("Neue Mitarbeiterin with services and a lunch break", async () => {
    const { company, cut } = await makeSalon();
    signInAs(company.id);
    const hours = JSON.stringify([
      { weekday: 2, start: "09:00", end: "12:30" },
      { weekday: 2, start: "13:30", end: "18:00" },
    ]);
    const created = await createStaffAction(
      formOf({ name: "Emma Schulz", email: "emma@salon.de", color: "#00aa88", serviceIds: [String(cut.id)], hours }),
    );
    expect(created).toMatchObject({ ok: true, message: "„Emma Schulz“ angelegt." });
    const rows = await getDb().select().from(staffWorkingHours).where(eq(staffWorkingHours.staffId, created!.id!));
    expect(rows).toHaveLength(2);
    const invalid = await createStaffAction(formOf({ name: "X", color: "grün", email: "kaputt" }));
    expect(invalid).toMatchObject({ ok: false });
    expect(invalid!.errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/E-Mail-Adresse/), expect.stringMatching(/#rrggbb/)]),
    );
  });
});

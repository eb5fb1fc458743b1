import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findAvailability } from "@/lib/booking/availability";
import { getDb } from "@/lib/db/client";
import { staff, staffAbsences, staffServices, staffWorkingHours } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import {
  addAbsence,
  createStaff,
  deleteAbsence,
  getStaff,
  setStaffServices,
  setWorkingHours,
  updateStaff,
} from "@/lib/staff";
import { localTime } from "@/lib/time/zoned";
import { useServerClock } from "../../support/clock";
import { makeSalon } from "../../support/factories";

useServerClock(new Date("2027-02-26T12:00:00Z"));

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (isAppError(e) ? `${e.code}: ${e.message}` : String(e)),
  );

describe("staff editing", () => {
  it("creates a stylist with profile, services and split hours, bookable at once", async () => {
    const { ctx, cut } = await makeSalon();
    const created = await createStaff({
      ctx,
      input: {
        name: " Emma Schulz ",
        email: "emma@salon.de",
        phone: "+49 30 1234567",
        color: "#7C3AED",
        calcomUserId: "42",
        calcomUsername: "emma-schulz",
        serviceIds: [cut.id],
        hours: [
          { weekday: 1, start: "09:00", end: "12:30" },
          { weekday: 1, start: "13:30", end: "18:00" },
        ],
      },
    });
    const detail = await getStaff({ ctx, input: { id: created.id } });
    expect(detail).toMatchObject({
      name: "Emma Schulz",
      email: "emma@salon.de",
      color: "#7c3aed",
      calcomUserId: 42,
      calcomUsername: "emma-schulz",
      serviceIds: [cut.id],
      active: true,
    });
    expect(detail.hours).toEqual([
      { weekday: 1, start: "09:00", end: "12:30" },
      { weekday: 1, start: "13:30", end: "18:00" },
    ]);
    const monday = await findAvailability({
      ctx,
      input: { serviceId: cut.id, from: "2027-03-01", staffId: created.id },
    });
    expect(monday.slots.map((s) => localTime(s.start, "Europe/Berlin"))).toContain("13:30");

    await updateStaff({ ctx, input: { id: created.id, profile: { name: "Emma S.", email: "", color: "" } } });
    expect(await getStaff({ ctx, input: { id: created.id } })).toMatchObject({
      name: "Emma S.",
      email: null,
      color: null,
    });
  });

  it("refuses bad input in German and writes nothing", async () => {
    const { ctx, anna } = await makeSalon();
    const hoursBefore = await getDb().select().from(staffWorkingHours).where(eq(staffWorkingHours.staffId, anna.id));
    const overlap = setWorkingHours({
      ctx,
      input: {
        staffId: anna.id,
        hours: [
          { weekday: 1, start: "09:00", end: "13:00" },
          { weekday: 1, start: "12:30", end: "18:00" },
        ],
      },
    });
    expect(await codeOf(overlap)).toMatch(/^VALIDATION: .*Montag: 09:00–13:00 und 12:30–18:00 überschneiden sich/);
    const backwards = setWorkingHours({
      ctx,
      input: { staffId: anna.id, hours: [{ weekday: 2, start: "18:00", end: "09:00" }] },
    });
    expect(await codeOf(backwards)).toMatch(/Ende muss nach dem Beginn liegen/);
    expect(await getDb().select().from(staffWorkingHours).where(eq(staffWorkingHours.staffId, anna.id))).toEqual(
      hoursBefore,
    );

    expect(
      await codeOf(updateStaff({ ctx, input: { id: anna.id, profile: { name: "Anna", color: "lila" } } })),
    ).toMatch(/Farbe bitte als #rrggbb/);
    expect(
      await codeOf(updateStaff({ ctx, input: { id: anna.id, profile: { name: "Anna", email: "anna(at)salon" } } })),
    ).toMatch(/gültige E-Mail-Adresse/);
    const [unchanged] = await getDb().select().from(staff).where(eq(staff.id, anna.id));
    expect(unchanged!.name).toBe("Anna Berg");

    const servicesBefore = await getDb().select().from(staffServices).where(eq(staffServices.staffId, anna.id));
    expect(await codeOf(setStaffServices({ ctx, input: { staffId: anna.id, serviceIds: [999_999] } }))).toMatch(
      /^VALIDATION: Unbekannte Leistung/,
    );
    expect(await getDb().select().from(staffServices).where(eq(staffServices.staffId, anna.id))).toHaveLength(
      servicesBefore.length,
    );
    const absence = addAbsence({
      ctx,
      input: {
        staffId: anna.id,
        kind: "vacation",
        repeat: "once",
        allDay: true,
        fromDate: "2027-03-05",
        toDate: "2027-03-01",
      },
    });
    expect(await codeOf(absence)).toMatch(/letzte Tag muss nach dem ersten/);
  });

  it("keeps salons apart: another salon's stylist, service or absence is not found", async () => {
    const mine = await makeSalon();
    const theirs = await makeSalon();
    const { ctx } = mine;
    const foreign = theirs.anna.id;
    expect(await codeOf(getStaff({ ctx, input: { id: foreign } }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(updateStaff({ ctx, input: { id: foreign, profile: { name: "Übernommen" } } }))).toMatch(
      /^NOT_FOUND/,
    );
    expect(await codeOf(setWorkingHours({ ctx, input: { staffId: foreign, hours: [] } }))).toMatch(/^NOT_FOUND/);
    const absence = {
      kind: "vacation",
      repeat: "once",
      allDay: true,
      fromDate: "2027-03-01",
      toDate: "2027-03-02",
    } as const;
    expect(await codeOf(addAbsence({ ctx, input: { ...absence, staffId: foreign } }))).toMatch(/^NOT_FOUND/);
    expect(
      await codeOf(setStaffServices({ ctx, input: { staffId: mine.anna.id, serviceIds: [theirs.cut.id] } })),
    ).toMatch(/^VALIDATION/);

    const theirAbsence = await addAbsence({ ctx: theirs.ctx, input: { ...absence, staffId: foreign } });
    expect(theirAbsence.saved).toBe(true);
    const id = theirAbsence.saved ? theirAbsence.id : 0;
    expect(await codeOf(deleteAbsence({ ctx, input: { id } }))).toMatch(/^NOT_FOUND/);
    expect(await getDb().select().from(staffAbsences).where(eq(staffAbsences.id, id))).toHaveLength(1);
    const [them] = await getDb().select().from(staff).where(eq(staff.id, foreign));
    expect(them!.name).toBe("Anna Berg");

    await deleteAbsence({ ctx: theirs.ctx, input: { id } });
    expect(await getDb().select().from(staffAbsences).where(eq(staffAbsences.id, id))).toEqual([]);
  });
});

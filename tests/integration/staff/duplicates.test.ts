import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findAvailability } from "@/lib/booking/availability";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { getDb } from "@/lib/db/client";
import {
  appointmentPhases,
  appointments,
  calcomEventMap,
  companies,
  staff,
  staffBusyIntervals,
  staffServices,
  staffWorkingHours,
} from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { seedDemo } from "@/dev/seed";
import { findDuplicateStaff, normaliseName } from "@/lib/staff/find-duplicates";
import { mergeStaff, previewStaffMerge } from "@/lib/staff/merge-staff";
import { zonedInstant } from "@/lib/time/zoned";
import { ctxFor, makeSalon, makeStaff, qualify } from "../../support/factories";
import { useServerClock } from "../../support/clock";

const NOW = new Date("2027-02-26T12:00:00Z");
// The server clock too: nothing before it is offered or booked, whatever day the suite runs on.
useServerClock(NOW);
const at = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return zonedInstant("2027-03-01", h! * 60 + m!, "Europe/Berlin");
};

describe("duplicate staff", () => {
  it("normalises names the way people mistype them", () => {
    expect(normaliseName("  Fabian  SPITZER ")).toBe(normaliseName("Fabián Spitzer"));
    expect(normaliseName("Jörg Strauß")).toBe(normaliseName("jorg strauss"));
  });

  it("finds the two Fabian Spitzer records of the demo salon, and merges them", async () => {
    const [demo] = await seedDemo(getDb(), new Date("2026-11-21T11:00:00Z"));
    const [company] = await getDb().select().from(companies).where(eq(companies.id, demo!.companyId));
    const ctx = ctxFor(company!);
    const groups = await findDuplicateStaff({ ctx });
    expect(groups).toHaveLength(1);
    expect(groups[0]!.staff.map((s) => s.name)).toEqual(["Fabian Spitzer", "Fabian Spitzer"]);
    expect(groups[0]!.reasons).toContain("name");

    const survivorId = "9f47fda1-977c-47aa-a87a-0e8cbeaeb119";
    const duplicateId = "6ad1fa25-12cf-4939-8fb9-c5f5cf407dfe";
    const preview = await previewStaffMerge({ ctx, input: { survivorId, duplicateId } });
    expect(preview.conflicts).toEqual([]);
    expect(preview.moves.appointments).toBeGreaterThan(0);
    expect(preview.moves.eventMapsDropped).toBeGreaterThan(0);

    const merged = await mergeStaff({ ctx, input: { survivorId, duplicateId } });
    expect(merged.moves).toEqual(preview.moves);
    const [gone] = await getDb().select().from(staff).where(eq(staff.id, duplicateId));
    expect(gone).toMatchObject({ mergedInto: survivorId, active: false });
    for (const table of [
      appointments,
      appointmentPhases,
      staffBusyIntervals,
      calcomEventMap,
      staffServices,
      staffWorkingHours,
    ]) {
      expect(await getDb().select().from(table).where(eq(table.staffId, duplicateId))).toEqual([]);
    }
    const moved = await getDb().select().from(appointments).where(eq(appointments.staffId, survivorId));
    expect(moved.length).toBeGreaterThanOrEqual(preview.moves.appointments);
    expect(await findDuplicateStaff({ ctx })).toEqual([]);
  });

  it("refuses a merge that would create overlaps and changes nothing", async () => {
    const { company, ctx, cut } = await makeSalon();
    const a = await makeStaff(company, { name: "Fabian Spitzer", email: "f@example.de" });
    // Overlaps from before the two records were known as one person (availability now keeps them apart).
    const b = await makeStaff(company, { name: "F. Spitzer", calcomUserId: 7 });
    await qualify(company, [a.id, b.id], [cut.id]);
    const first = await bookAppointment({
      ctx,
      input: { serviceId: cut.id, start: at("10:00"), staffId: a.id, customer: { name: "Eins" }, now: NOW },
    });
    const second = await bookAppointment({
      ctx,
      input: { serviceId: cut.id, start: at("10:15"), staffId: b.id, customer: { name: "Zwei" }, now: NOW },
    });
    await getDb().update(staff).set({ name: "Fabian Spitzer" }).where(eq(staff.id, b.id));
    const preview = await previewStaffMerge({ ctx, input: { survivorId: a.id, duplicateId: b.id } });
    expect(preview.conflicts).toMatchObject([
      {
        duplicateAppointmentId: second.appointment.id,
        survivorAppointmentId: first.appointment.id,
        start: at("10:15"),
        appointments: [
          { id: first.appointment.id, customerName: "Eins", serviceName: "Herrenhaarschnitt" },
          { id: second.appointment.id, customerName: "Zwei" },
        ],
      },
    ]);

    let code: string | undefined;
    try {
      await mergeStaff({ ctx, input: { survivorId: a.id, duplicateId: b.id } });
    } catch (error) {
      code = isAppError(error) ? error.code : "other";
    }
    expect(code).toBe("CONFLICT");
    const [stillB] = await getDb().select().from(staff).where(eq(staff.id, b.id));
    expect(stillB!.mergedInto).toBeNull();
    const bAppointments = await getDb()
      .select()
      .from(appointments)
      .where(and(eq(appointments.staffId, b.id)));
    expect(bAppointments).toHaveLength(1);
  });

  it("after a merge the duplicate is never offered and its hours and services live on the survivor", async () => {
    const { company, ctx, cut } = await makeSalon();
    const a = await makeStaff(company, { name: "Mia Maus", hours: [{ weekday: 1, start: "09:00", end: "12:00" }] });
    const b = await makeStaff(company, { name: "mia maus", hours: [{ weekday: 2, start: "09:00", end: "12:00" }] });
    await qualify(company, [b.id], [cut.id]);
    await mergeStaff({ ctx, input: { survivorId: a.id, duplicateId: b.id } });
    const tuesday = await findAvailability({ ctx, input: { serviceId: cut.id, from: "2027-03-02", now: NOW } });
    expect(tuesday.candidates.some((c) => c.staffId === b.id)).toBe(false);
    expect(tuesday.candidates.some((c) => c.staffId === a.id)).toBe(true);
  });
});

import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { findAvailability } from "@/lib/booking/availability";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { reassignAppointment, reassignOptions } from "@/lib/booking/reassign";
import { invalidateCatalog } from "@/lib/catalog/catalog";
import { createDb, getDb } from "@/lib/db/client";
import { appointmentPhases, appointments, staff } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { filterOptions } from "@/lib/lists/filter-options";
import { labelStaff } from "@/lib/staff/display-names";
import { findDuplicateStaff } from "@/lib/staff/find-duplicates";
import { mergeStaff, previewStaffMerge } from "@/lib/staff/merge-staff";
import { refreshPersonGroups } from "@/lib/staff/person-groups";
import { setStaffActive } from "@/lib/staff/set-staff-active";
import { updateStaff } from "@/lib/staff/update-staff";
import { zonedInstant } from "@/lib/time/zoned";
import { ctxFor, makeCall, makeSalon, makeStaff, qualify } from "../../support/factories";
import { useServerClock } from "../../support/clock";

const NOW = new Date("2027-02-26T12:00:00Z");
useServerClock(NOW);
const at = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return zonedInstant("2027-03-01", h! * 60 + m!, "Europe/Berlin");
};

const pool = createDb(process.env.DATABASE_URL!, { max: 50, applicationName: "one-person-test" });
afterAll(() => pool.close());

/** Two records of one stylist, flagged by the duplicate finder, plus the salon's others. */
async function duplicatePair() {
  const salon = await makeSalon();
  const a = await makeStaff(salon.company, { name: "Fabian Spitzer", email: "fabian@example.de" });
  const b = await makeStaff(salon.company, { name: "Fabian  Spitzer", email: "f.spitzer@example.de" });
  await qualify(salon.company, [a.id, b.id], [salon.perm.id, salon.cut.id]);
  await refreshPersonGroups(getDb(), salon.company.id);
  invalidateCatalog(salon.company.id);
  return { ...salon, a, b };
}

/** Busy rows of the two records that overlap each other: what the person would have to be in twice. */
async function crossOverlaps(aId: string, bId: string) {
  const [row] = await getDb().execute<{ n: number }>(sql`
    select count(*)::int as n from staff_busy_intervals x join staff_busy_intervals y on x.during && y.during
     where x.staff_id = ${aId} and y.staff_id = ${bId}`);
  return row!.n;
}

describe("one person, one calendar", () => {
  it("50 concurrent voice bookings across two flagged records of one person leave no overlap for that person", async () => {
    const { company, perm, cut, a, b } = await duplicatePair();
    const ctx = ctxFor(company, pool.db);
    const calls = await Promise.all(Array.from({ length: 50 }, () => makeCall(company)));
    const times = ["09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "11:00", "11:30", "12:00"];
    const settled = await Promise.allSettled(
      calls.map((call, i) =>
        bookAppointment({
          ctx: { ...ctx, actor: { type: "voice-agent", retellCallId: call.retellCallId } },
          input: {
            serviceId: i % 3 === 0 ? cut.id : perm.id,
            start: at(times[i % times.length]!),
            staffId: i % 2 === 0 ? a.id : b.id,
            callId: call.id,
            customer: { name: `Kundin ${i}`, phone: `+4915300000${String(i).padStart(3, "0")}` },
            now: NOW,
          },
        }),
      ),
    );
    const refused = settled.filter((s) => s.status === "rejected").map((s) => (s as PromiseRejectedResult).reason);
    expect(refused.filter((e) => !(isAppError(e) && e.code === "SLOT_TAKEN"))).toEqual([]);
    const booked = settled.filter((s) => s.status === "fulfilled").length;
    expect(booked).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    expect(await crossOverlaps(a.id, b.id)).toBe(0);
    // …and no two confirmed appointments of the person overlap, whichever record they sit on.
    const [overlapping] = await getDb().execute<{ n: number }>(sql`
      select count(*)::int as n from appointments x join appointments y
        on x.id < y.id and tstzrange(x.starts_at, x.ends_at) && tstzrange(y.starts_at, y.ends_at)
       where x.staff_id in (${a.id}, ${b.id}) and y.staff_id in (${a.id}, ${b.id})
         and x.status = 'confirmed' and y.status = 'confirmed'`);
    expect(overlapping!.n).toBe(0);
  });

  it("a booking on one record blocks the other: availability and the database agree", async () => {
    const { company, ctx, cut, a, b } = await duplicatePair();
    await bookAppointment({
      ctx,
      input: { serviceId: cut.id, start: at("10:00"), staffId: a.id, customer: { name: "Erste" }, now: NOW },
    });
    const forB = await findAvailability({
      ctx,
      input: { serviceId: cut.id, from: "2027-03-01", staffId: b.id, now: NOW },
    });
    expect(forB.candidates.some((c) => c.start.getTime() === at("10:00").getTime())).toBe(false);
    expect(forB.candidates.some((c) => c.start.getTime() === at("10:30").getTime())).toBe(true);
    // Straight into the table, past the engine: the trigger refuses it like the exclusion constraint.
    const error = await getDb()
      .execute(
        sql`insert into staff_busy_intervals (company_id, staff_id, during, kind, appointment_id)
            select ${company.id}, ${b.id}, tstzrange(${at("10:15").toISOString()}::timestamptz, ${at("10:45").toISOString()}::timestamptz), 'appointment', id
              from appointments where staff_id = ${a.id} limit 1`,
      )
      .then(
        () => null,
        (e: unknown) => e as { code?: string; cause?: { code?: string } },
      );
    expect(error?.code ?? error?.cause?.code).toBe("23P01");
  });

  it("overlaps from before the pair was flagged: give one of each pair to another stylist, then the merge completes", async () => {
    const { company, ctx, cut, anna } = await makeSalon();
    const a = await makeStaff(company, { name: "Fabian Spitzer" });
    const b = await makeStaff(company, { name: "F. Spitzer" });
    await qualify(company, [a.id, b.id], [cut.id]);
    const first = await bookAppointment({
      ctx,
      input: { serviceId: cut.id, start: at("10:00"), staffId: a.id, customer: { name: "Eins" }, now: NOW },
    });
    const second = await bookAppointment({
      ctx,
      input: { serviceId: cut.id, start: at("10:15"), staffId: b.id, customer: { name: "Zwei" }, now: NOW },
    });
    await updateStaff({ ctx, input: { id: b.id, profile: { name: "Fabian Spitzer" } } });
    const [flagged] = await getDb().select().from(staff).where(eq(staff.id, b.id));
    expect(flagged!.personGroup).not.toBeNull();

    const preview = await previewStaffMerge({ ctx, input: { survivorId: a.id, duplicateId: b.id } });
    expect(preview.conflicts).toHaveLength(1);
    const options = await reassignOptions({
      ctx,
      input: { appointmentId: second.appointment.id, excludeStaffIds: [a.id, b.id], now: NOW },
    });
    expect(options.map((o) => o.staffId)).toContain(anna.id);
    expect(options.map((o) => o.staffId)).not.toContain(a.id);

    await reassignAppointment({ ctx, input: { appointmentId: second.appointment.id, staffId: anna.id, now: NOW } });
    const [moved] = await getDb().select().from(appointments).where(eq(appointments.id, second.appointment.id));
    expect(moved).toMatchObject({ staffId: anna.id, startsAt: at("10:15"), status: "confirmed" });
    const phases = await getDb()
      .select()
      .from(appointmentPhases)
      .where(eq(appointmentPhases.appointmentId, second.appointment.id));
    expect(phases.every((p) => p.staffId === anna.id && p.calcomSyncStatus === "pending")).toBe(true);

    expect((await previewStaffMerge({ ctx, input: { survivorId: a.id, duplicateId: b.id } })).conflicts).toEqual([]);
    await mergeStaff({ ctx, input: { survivorId: a.id, duplicateId: b.id } });
    const [gone] = await getDb().select().from(staff).where(eq(staff.id, b.id));
    expect(gone).toMatchObject({ mergedInto: a.id, active: false, personGroup: null });
    expect(await findDuplicateStaff({ ctx })).toEqual([]);
    const [kept] = await getDb().select().from(appointments).where(eq(appointments.id, first.appointment.id));
    expect(kept!.staffId).toBe(a.id);
  });

  it("deactivating one record resolves the pair — refused for the record that still has upcoming appointments", async () => {
    const { ctx, cut, a, b } = await duplicatePair();
    await bookAppointment({
      ctx,
      input: { serviceId: cut.id, start: at("10:00"), staffId: a.id, customer: { name: "Eins" }, now: NOW },
    });
    let refusal: unknown;
    await setStaffActive({ ctx, input: { staffId: a.id, active: false } }).catch((e: unknown) => (refusal = e));
    expect(isAppError(refusal) && refusal.code).toBe("CONFLICT");
    expect(isAppError(refusal) && refusal.message).toContain("einen kommenden Termin");
    const [stillActive] = await getDb().select().from(staff).where(eq(staff.id, a.id));
    expect(stillActive!.active).toBe(true);

    await setStaffActive({ ctx, input: { staffId: b.id, active: false } });
    const both = await getDb()
      .select({ id: staff.id, personGroup: staff.personGroup })
      .from(staff)
      .where(and(eq(staff.companyId, ctx.company.id), sql`${staff.id} in (${a.id}, ${b.id})`));
    expect(both.map((r) => r.personGroup)).toEqual([null, null]);
    expect(await findDuplicateStaff({ ctx })).toEqual([]);
  });

  it("same-named records are told apart in labels and filters", async () => {
    const { ctx, a, b } = await duplicatePair();
    const labels = labelStaff([
      { id: b.id, name: b.name, createdAt: b.createdAt },
      { id: a.id, name: a.name, createdAt: a.createdAt },
    ]);
    expect(labels.get(a.id)).toBe("Fabian Spitzer");
    expect(labels.get(b.id)).toBe("Fabian  Spitzer (2)");
    const options = await filterOptions({ ctx });
    expect(options.staff.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Fabian Spitzer", "Fabian  Spitzer (2)", "Anna Berg"]),
    );
  });
});

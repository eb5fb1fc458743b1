import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findAlternatives } from "@/lib/booking/alternatives";
import { findAvailability } from "@/lib/booking/availability";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { cancelAppointment } from "@/lib/booking/cancel-appointment";
import { holdSlot, purgeExpiredHolds } from "@/lib/booking/holds";
import { rescheduleAppointment } from "@/lib/booking/reschedule-appointment";
import { getDb } from "@/lib/db/client";
import { appointmentPhases, appointments, customers, slotHolds, staffBusyIntervals } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { zonedInstant } from "@/lib/time/zoned";
import { makeCall, makeSalon } from "../../support/factories";
import { useServerClock } from "../../support/clock";

const NOW = new Date("2027-02-26T12:00:00Z");
// The server clock too: nothing before it is offered or booked, whatever day the suite runs on.
useServerClock(NOW);
const MONDAY = "2027-03-01";
const at = (hhmm: string, date = MONDAY) => {
  const [h, m] = hhmm.split(":").map(Number);
  return zonedInstant(date, h! * 60 + m!, "Europe/Berlin");
};
const customer = { name: "Siegfried Reu", phone: "0151 1234 5678" };

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

const snapshot = async (companyId: string) => ({
  appointments: await getDb()
    .select()
    .from(appointments)
    .where(eq(appointments.companyId, companyId))
    .orderBy(appointments.id),
  phases: await getDb()
    .select()
    .from(appointmentPhases)
    .where(eq(appointmentPhases.companyId, companyId))
    .orderBy(appointmentPhases.id),
  busy: await getDb()
    .select()
    .from(staffBusyIntervals)
    .where(eq(staffBusyIntervals.companyId, companyId))
    .orderBy(staffBusyIntervals.id),
});

describe("booking", () => {
  it("writes the appointment, every phase and the busy time in one go; customer by E.164 phone", async () => {
    const { company, ctx, perm, anna } = await makeSalon();
    const { appointment, created } = await bookAppointment({
      ctx,
      input: { serviceId: perm.id, start: at("10:00"), staffId: anna.id, customer, now: NOW },
    });
    expect(created).toBe(true);
    expect(appointment.start).toEqual(at("10:00"));
    expect(appointment.end).toEqual(at("12:15"));
    expect(appointment.phases.map((p) => [p.segmentKey, p.start.toISOString(), p.end.toISOString()])).toEqual([
      ["A", at("10:00").toISOString(), at("10:50").toISOString()],
      ["GAP_1", at("10:50").toISOString(), at("11:05").toISOString()],
      ["B", at("11:05").toISOString(), at("11:10").toISOString()],
      ["GAP_2", at("11:10").toISOString(), at("11:20").toISOString()],
      ["C", at("11:20").toISOString(), at("11:35").toISOString()],
      ["D", at("11:35").toISOString(), at("12:15").toISOString()],
    ]);
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(row).toMatchObject({ status: "confirmed", calcomSyncStatus: "pending", staffId: anna.id });
    expect(row!.syncRequestedAt).not.toBeNull();
    const phases = await getDb()
      .select()
      .from(appointmentPhases)
      .where(eq(appointmentPhases.appointmentId, appointment.id));
    expect(phases.filter((p) => p.staffRequired).every((p) => p.calcomSyncStatus === "pending")).toBe(true);
    expect(phases.filter((p) => !p.staffRequired).every((p) => p.calcomSyncStatus === null)).toBe(true);
    const [saved] = await getDb().select().from(customers).where(eq(customers.companyId, company.id));
    expect(saved).toMatchObject({ name: "Siegfried Reu", phone: "+4915112345678" });
  });

  it("finds the customer again by phone and a matching name, and never renames them", async () => {
    const { company, ctx, cut, anna } = await makeSalon();
    await bookAppointment({
      ctx,
      input: {
        serviceId: cut.id,
        start: at("10:00"),
        staffId: anna.id,
        customer: { name: "S. Reu", phone: "+4915112345678" },
        now: NOW,
      },
    });
    await bookAppointment({
      ctx,
      input: {
        serviceId: cut.id,
        start: at("11:00"),
        staffId: anna.id,
        customer: { name: "Siegfried Reu", phone: "0049 151 12345678" },
        now: NOW,
      },
    });
    const rows = await getDb().select().from(customers).where(eq(customers.companyId, company.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toBe("S. Reu");
  });

  it("another name on a known number books under its own record, flagged as a possible duplicate", async () => {
    const { company, ctx, cut, anna } = await makeSalon();
    const first = await bookAppointment({
      ctx,
      input: {
        serviceId: cut.id,
        start: at("10:00"),
        staffId: anna.id,
        customer: { name: "Anna Schmidt", phone: "+4915112345678" },
        now: NOW,
      },
    });
    const second = await bookAppointment({
      ctx,
      input: {
        serviceId: cut.id,
        start: at("11:00"),
        staffId: anna.id,
        customer: { name: "Lena Schmidt", phone: "015112345678" },
        now: NOW,
      },
    });
    const rows = await getDb()
      .select()
      .from(customers)
      .where(eq(customers.companyId, company.id))
      .orderBy(customers.id);
    expect(rows.map((r) => [r.name, r.phone, r.possibleDuplicateOf])).toEqual([
      ["Anna Schmidt", "+4915112345678", null],
      ["Lena Schmidt", "+4915112345678", first.appointment.customerId],
    ]);
    expect(second.appointment.customerId).toBe(rows[1]!.id);
  });

  it("is idempotent: the same key returns the first appointment and writes nothing", async () => {
    const { company, ctx, perm } = await makeSalon();
    const input = { serviceId: perm.id, start: at("10:00"), customer, idempotencyKey: "call_x:perm:10", now: NOW };
    const first = await bookAppointment({ ctx, input });
    const before = await snapshot(company.id);
    const again = await bookAppointment({ ctx, input });
    expect(again).toEqual({ appointment: first.appointment, created: false });
    expect(await snapshot(company.id)).toEqual(before);
  });

  it("refuses bad input clearly and writes nothing", async () => {
    const { company, ctx, perm, anna } = await makeSalon();
    const before = await snapshot(company.id);
    expect(
      (
        await errorOf(
          bookAppointment({
            ctx,
            input: { serviceId: perm.id, start: at("17:00"), staffId: anna.id, customer, now: NOW },
          }),
        )
      ).code,
    ).toBe("OUTSIDE_OPENING_HOURS");
    expect(
      (
        await errorOf(
          bookAppointment({ ctx, input: { serviceId: perm.id, start: at("10:00"), customer, now: at("11:00") } }),
        )
      ).code,
    ).toBe("IN_PAST");
    expect(
      (
        await errorOf(
          bookAppointment({ ctx, input: { serviceId: perm.id, start: at("10:00"), customer: { name: "" }, now: NOW } }),
        )
      ).code,
    ).toBe("VALIDATION");
    expect(
      (
        await errorOf(
          bookAppointment({
            ctx,
            input: { serviceId: perm.id, start: at("10:00"), customer: { name: "X", phone: "keine Nummer" }, now: NOW },
          }),
        )
      ).code,
    ).toBe("VALIDATION");
    const offGrid = await errorOf(
      bookAppointment({ ctx, input: { serviceId: perm.id, start: at("10:07"), customer, now: NOW } }),
    );
    expect(offGrid.details).toMatchObject({ reason: "not_on_grid" });
    expect(
      (await errorOf(bookAppointment({ ctx, input: { serviceId: 999999, start: at("10:00"), customer, now: NOW } })))
        .code,
    ).toBe("NOT_FOUND");
    expect(await snapshot(company.id)).toEqual(before);
  }, 30_000);

  it("holds a slot for the caller: other calls cannot book it, the caller can", async () => {
    const { company, ctx, cut, anna } = await makeSalon();
    const caller = await makeCall(company);
    const other = await makeCall(company);
    const hold = await holdSlot({
      ctx,
      input: { callId: caller.id, serviceId: cut.id, staffId: anna.id, start: at("10:00") },
    });
    expect(hold.expiresAt.getTime()).toBeGreaterThan(Date.now() + 4 * 60_000);

    const taken = await errorOf(
      bookAppointment({
        ctx,
        input: { serviceId: cut.id, start: at("10:00"), staffId: anna.id, callId: other.id, customer, now: NOW },
      }),
    );
    expect(taken.code).toBe("SLOT_TAKEN");
    const takenHold = await errorOf(
      holdSlot({ ctx, input: { callId: other.id, serviceId: cut.id, staffId: anna.id, start: at("10:15") } }),
    );
    expect(takenHold.code).toBe("SLOT_TAKEN");

    const booked = await bookAppointment({
      ctx,
      input: { serviceId: cut.id, start: at("10:00"), callId: caller.id, customer, now: NOW },
    });
    expect(booked.appointment.staffId).toBe(anna.id);
    const [consumed] = await getDb().select().from(slotHolds).where(eq(slotHolds.id, hold.id));
    expect(consumed!.status).toBe("consumed");
    const holdRows = await getDb().select().from(staffBusyIntervals).where(eq(staffBusyIntervals.kind, "hold"));
    expect(holdRows).toHaveLength(0);
  });

  it("keeps one hold per call and service: a new check replaces the old hold", async () => {
    const { company, ctx, cut, anna } = await makeSalon();
    const caller = await makeCall(company);
    const first = await holdSlot({
      ctx,
      input: { callId: caller.id, serviceId: cut.id, staffId: anna.id, start: at("10:00") },
    });
    await holdSlot({ ctx, input: { callId: caller.id, serviceId: cut.id, staffId: anna.id, start: at("11:00") } });
    const rows = await getDb().select().from(slotHolds).where(eq(slotHolds.callId, caller.id)).orderBy(slotHolds.id);
    expect(rows.map((r) => r.status)).toEqual(["released", "active"]);
    expect(rows[0]!.id).toBe(first.id);
    const other = await makeCall(company);
    await expect(
      bookAppointment({
        ctx,
        input: { serviceId: cut.id, start: at("10:00"), staffId: anna.id, callId: other.id, customer, now: NOW },
      }),
    ).resolves.toMatchObject({ created: true });
  });

  it("lets expired holds count for nothing, and purges them", async () => {
    const { company, ctx, cut, anna } = await makeSalon();
    const caller = await makeCall(company);
    const other = await makeCall(company);
    const hold = await holdSlot({
      ctx,
      input: { callId: caller.id, serviceId: cut.id, staffId: anna.id, start: at("10:00") },
    });
    await getDb().execute(sql`update slot_holds set expires_at = now() - interval '1 minute' where id = ${hold.id}`);
    await getDb().execute(
      sql`update staff_busy_intervals set expires_at = now() - interval '1 minute' where hold_id = ${hold.id}`,
    );
    const booked = await bookAppointment({
      ctx,
      input: { serviceId: cut.id, start: at("10:00"), staffId: anna.id, callId: other.id, customer, now: NOW },
    });
    expect(booked.created).toBe(true);
    const [row] = await getDb().select().from(slotHolds).where(eq(slotHolds.id, hold.id));
    expect(row!.status).toBe("expired");

    const stale = await holdSlot({
      ctx,
      input: { callId: caller.id, serviceId: cut.id, staffId: anna.id, start: at("15:00") },
    });
    await getDb().execute(sql`update slot_holds set expires_at = now() - interval '1 minute' where id = ${stale.id}`);
    await getDb().execute(
      sql`update staff_busy_intervals set expires_at = now() - interval '1 minute' where hold_id = ${stale.id}`,
    );
    expect(await purgeExpiredHolds(getDb())).toBeGreaterThanOrEqual(1);
    expect(await getDb().select().from(staffBusyIntervals).where(eq(staffBusyIntervals.holdId, stale.id))).toHaveLength(
      0,
    );
  });

  it("is guaranteed by PostgreSQL: an overlapping busy row cannot be written even by hand", async () => {
    const { company, ctx, perm, anna } = await makeSalon();
    const { appointment } = await bookAppointment({
      ctx,
      input: { serviceId: perm.id, start: at("10:00"), staffId: anna.id, customer, now: NOW },
    });
    const attempt = getDb().execute(sql`
      insert into staff_busy_intervals (company_id, staff_id, during, kind, appointment_id)
      values (${company.id}, ${anna.id}, tstzrange(${at("11:00").toISOString()}::timestamptz, ${at("11:30").toISOString()}::timestamptz), 'appointment', ${appointment.id})`);
    await expect(attempt).rejects.toMatchObject({ cause: { code: "23P01" } });
  });

  it("cancels: the time is free at once and the appointment waits for Cal.com", async () => {
    const { ctx, perm, anna } = await makeSalon();
    const { appointment } = await bookAppointment({
      ctx,
      input: { serviceId: perm.id, start: at("10:00"), staffId: anna.id, customer, now: NOW },
    });
    await getDb()
      .update(appointments)
      .set({ calcomSyncStatus: "synced", syncRequestedAt: null })
      .where(eq(appointments.id, appointment.id));
    expect(await cancelAppointment({ ctx, input: { appointmentId: appointment.id, now: NOW } })).toEqual({
      appointmentId: appointment.id,
      alreadyCancelled: false,
    });
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(row).toMatchObject({ status: "cancelled", calcomSyncStatus: "pending" });
    expect(row!.cancelledAt).not.toBeNull();
    expect(row!.syncRequestedAt).not.toBeNull();
    const { slots } = await findAvailability({
      ctx,
      input: { serviceId: perm.id, from: MONDAY, staffId: anna.id, now: NOW },
    });
    expect(slots.some((s) => s.start.getTime() === at("10:00").getTime())).toBe(true);
    expect(await cancelAppointment({ ctx, input: { appointmentId: appointment.id, now: NOW } })).toEqual({
      appointmentId: appointment.id,
      alreadyCancelled: true,
    });
  });

  it("does not cancel another company's appointment", async () => {
    const first = await makeSalon();
    const second = await makeSalon();
    const { appointment } = await bookAppointment({
      ctx: first.ctx,
      input: { serviceId: first.cut.id, start: at("10:00"), customer, now: NOW },
    });
    expect(
      (await errorOf(cancelAppointment({ ctx: second.ctx, input: { appointmentId: appointment.id, now: NOW } }))).code,
    ).toBe("NOT_FOUND");
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(row!.status).toBe("confirmed");
  });

  it("reschedules: same id, new time and phases, old time freed", async () => {
    const { ctx, perm, cut, anna } = await makeSalon();
    const { appointment } = await bookAppointment({
      ctx,
      input: { serviceId: perm.id, start: at("10:00"), staffId: anna.id, customer, now: NOW },
    });
    const moved = await rescheduleAppointment({
      ctx,
      input: { appointmentId: appointment.id, start: at("14:00"), now: NOW },
    });
    expect(moved.id).toBe(appointment.id);
    expect(moved.start).toEqual(at("14:00"));
    expect(moved.end).toEqual(at("16:15"));
    expect(moved.phases[2]!.start).toEqual(at("15:05"));
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, appointment.id));
    expect(row!.calcomSyncStatus).toBe("pending");
    const free = await bookAppointment({
      ctx,
      input: {
        serviceId: cut.id,
        start: at("10:30"),
        staffId: anna.id,
        customer: { name: "Neu", phone: "+4915199999999" },
        now: NOW,
      },
    });
    expect(free.created).toBe(true);
    // Moving by 15 minutes overlaps the old time: that must work too.
    const nudged = await rescheduleAppointment({
      ctx,
      input: { appointmentId: appointment.id, start: at("14:15"), now: NOW },
    });
    expect(nudged.start).toEqual(at("14:15"));
  });

  it("a reschedule into a taken slot leaves everything as it was", async () => {
    const { company, ctx, perm, cut, anna } = await makeSalon();
    const { appointment } = await bookAppointment({
      ctx,
      input: { serviceId: perm.id, start: at("10:00"), staffId: anna.id, customer, now: NOW },
    });
    await bookAppointment({
      ctx,
      input: {
        serviceId: cut.id,
        start: at("15:00"),
        staffId: anna.id,
        customer: { name: "Blocker", phone: "+4915100000001" },
        now: NOW,
      },
    });
    const before = await snapshot(company.id);
    const error = await errorOf(
      rescheduleAppointment({
        ctx,
        input: { appointmentId: appointment.id, start: at("14:00"), staffId: anna.id, now: NOW },
      }),
    );
    expect(error.code).toBe("SLOT_TAKEN");
    expect(await snapshot(company.id)).toEqual(before);
  });

  it("offers the nearest alternatives: same stylist first, then others, then following days", async () => {
    const { ctx, perm, cut, anna, ben } = await makeSalon();
    await bookAppointment({
      ctx,
      input: { serviceId: perm.id, start: at("10:00"), staffId: anna.id, customer, now: NOW },
    });
    const forAnna = await findAlternatives({
      ctx,
      input: { serviceId: cut.id, around: at("11:00"), staffId: anna.id, now: NOW },
    });
    expect(forAnna.map((c) => [c.staffId, c.start.toISOString()])).toEqual([
      [anna.id, at("12:15").toISOString()],
      [anna.id, at("09:30").toISOString()],
      [anna.id, at("12:30").toISOString()],
    ]);
    const anyone = await findAlternatives({ ctx, input: { serviceId: cut.id, around: at("11:00"), now: NOW } });
    expect(anyone.map((c) => c.start.toISOString())).toEqual(
      [at("10:45"), at("11:15"), at("10:30")].map((d) => d.toISOString()),
    );
    expect(anyone.every((c) => c.staffId === ben.id)).toBe(true);

    // Late on the last opening hour: the refused 15:45 is no alternative (not even with Ben), so
    // everything comes from the next days.
    const late = await findAlternatives({
      ctx,
      input: { serviceId: perm.id, around: at("15:45"), staffId: anna.id, now: at("15:40") },
    });
    expect(late).toHaveLength(3);
    expect(late.every((c) => c.start.getTime() > at("18:00").getTime())).toBe(true);
  });
});

describe("booking without a named stylist", () => {
  it("falls back to another qualified stylist when the first choice was taken meanwhile", async () => {
    const { ctx, cut, anna, ben } = await makeSalon();
    const first = await bookAppointment({ ctx, input: { serviceId: cut.id, start: at("10:00"), customer, now: NOW } });
    const second = await bookAppointment({
      ctx,
      input: { serviceId: cut.id, start: at("10:00"), customer: { name: "Zweite", phone: "+4915100000002" }, now: NOW },
    });
    expect(new Set([first.appointment.staffId, second.appointment.staffId])).toEqual(new Set([anna.id, ben.id]));
    const third = await errorOf(
      bookAppointment({
        ctx,
        input: {
          serviceId: cut.id,
          start: at("10:00"),
          customer: { name: "Dritte", phone: "+4915100000003" },
          now: NOW,
        },
      }),
    );
    expect(third.code).toBe("SLOT_TAKEN");
    const count = await getDb()
      .select()
      .from(appointments)
      .where(and(eq(appointments.companyId, ctx.company.id), eq(appointments.startsAt, at("10:00"))));
    expect(count).toHaveLength(2);
  });
});

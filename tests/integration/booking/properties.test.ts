import fc from "fast-check";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findAvailability } from "@/lib/booking/availability";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { cancelAppointment } from "@/lib/booking/cancel-appointment";
import { blockingIntervals, overlaps } from "@/lib/booking/phases";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { zonedInstant } from "@/lib/time/zoned";
import { makeSalon } from "../../support/factories";

const NOW = new Date("2027-02-26T12:00:00Z");
const DAYS = ["2027-03-01", "2027-03-02"];

const attempt = fc.record({
  service: fc.integer({ min: 0, max: 2 }),
  staff: fc.integer({ min: 0, max: 1 }),
  day: fc.integer({ min: 0, max: 1 }),
  slot: fc.integer({ min: 0, max: 35 }),
});

async function staffRequiredPhases(companyId: string) {
  const rows = await getDb().execute<{
    staff_id: string;
    start_time: string;
    end_time: string;
    starts_at: string;
    ends_at: string;
  }>(sql`
    select p.staff_id, p.start_time, p.end_time, a.starts_at, a.ends_at
      from appointment_phases p join appointments a on a.id = p.appointment_id
     where p.company_id = ${companyId} and p.staff_required and a.status <> 'cancelled'`);
  return rows.map((r) => ({
    staffId: r.staff_id,
    phase: { start: new Date(r.start_time), end: new Date(r.end_time) },
    span: { start: new Date(r.starts_at), end: new Date(r.ends_at) },
  }));
}

describe("availability properties (fast-check, real PostgreSQL)", () => {
  it("every offered slot is bookable and none overlaps a staff-required phase", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(attempt, { maxLength: 10 }),
        fc.record({
          service: fc.integer({ min: 0, max: 2 }),
          staff: fc.integer({ min: -1, max: 1 }),
          day: fc.integer({ min: 0, max: 1 }),
        }),
        fc.integer({ min: 0, max: 1_000_000 }),
        async (allowGapBooking, attempts, query, sampleSeed) => {
          const salon = await makeSalon({ allowGapBooking });
          const services = [salon.perm, salon.colour, salon.cut];
          const staff = [salon.anna, salon.ben];
          for (const [i, a] of attempts.entries()) {
            const start = zonedInstant(DAYS[a.day]!, 9 * 60 + a.slot * 15, "Europe/Berlin");
            try {
              await bookAppointment({
                ctx: salon.ctx,
                input: {
                  serviceId: services[a.service]!.id,
                  start,
                  staffId: staff[a.staff]!.id,
                  customer: { name: `P${i}`, phone: `+49160${String(i).padStart(7, "0")}` },
                  now: NOW,
                },
              });
            } catch (error) {
              if (!isAppError(error)) throw error;
            }
          }

          const staffId = query.staff < 0 ? undefined : staff[query.staff]!.id;
          const { slots, candidates } = await findAvailability({
            ctx: salon.ctx,
            input: { serviceId: services[query.service]!.id, from: DAYS[query.day]!, staffId, now: NOW },
          });
          const existing = await staffRequiredPhases(salon.company.id);
          for (const c of candidates) {
            const mine = existing.filter((e) => e.staffId === c.staffId);
            for (const phase of c.phases.filter((p) => p.staffRequired)) {
              expect(mine.some((e) => overlaps(phase, e.phase))).toBe(false);
            }
            for (const block of blockingIntervals(c.phases, allowGapBooking)) {
              // Without gap booking nothing may start inside another appointment's span either.
              if (!allowGapBooking) expect(mine.some((e) => overlaps(block, e.span))).toBe(false);
            }
          }

          // Sample offered slots and book each one (then cancel it again to restore the state).
          const sample = slots
            .filter((_, i) => (i * 7919 + sampleSeed) % Math.max(1, Math.ceil(slots.length / 6)) === 0)
            .slice(0, 6);
          for (const [i, slot] of sample.entries()) {
            const booked = await bookAppointment({
              ctx: salon.ctx,
              input: {
                serviceId: services[query.service]!.id,
                start: slot.start,
                staffId: slot.staffId,
                customer: { name: `S${i}`, phone: `+49170${String(i).padStart(7, "0")}` },
                now: NOW,
              },
            });
            expect(booked.created).toBe(true);
            await cancelAppointment({ ctx: salon.ctx, input: { appointmentId: booked.appointment.id, now: NOW } });
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it("no sequence of bookings ever leaves two active staff-required phases of one stylist overlapping", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(attempt, { minLength: 5, maxLength: 25 }),
        async (allowGapBooking, attempts) => {
          const salon = await makeSalon({ allowGapBooking });
          const services = [salon.perm, salon.colour, salon.cut];
          const staff = [salon.anna, salon.ben];
          await Promise.allSettled(
            attempts.map((a, i) =>
              bookAppointment({
                ctx: salon.ctx,
                input: {
                  serviceId: services[a.service]!.id,
                  start: zonedInstant(DAYS[a.day]!, 9 * 60 + a.slot * 15, "Europe/Berlin"),
                  staffId: staff[a.staff]!.id,
                  customer: { name: `R${i}`, phone: `+49171${String(i).padStart(7, "0")}` },
                  now: NOW,
                },
              }),
            ),
          );
          const [row] = await getDb().execute<{ n: number }>(sql`
          select count(*)::int as n
            from appointment_phases a join appointments aa on aa.id = a.appointment_id
            join appointment_phases b on b.id > a.id and b.staff_id = a.staff_id
            join appointments bb on bb.id = b.appointment_id
           where a.company_id = ${salon.company.id} and a.staff_required and b.staff_required
             and aa.status <> 'cancelled' and bb.status <> 'cancelled'
             and tstzrange(a.start_time, a.end_time) && tstzrange(b.start_time, b.end_time)`);
          expect(row!.n).toBe(0);
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});

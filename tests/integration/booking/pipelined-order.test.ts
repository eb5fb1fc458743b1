import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { holdSlot } from "@/lib/booking/holds";
import * as schema from "@/lib/db/schema";
import { zonedInstant } from "@/lib/time/zoned";
import { ctxFor, makeCall, makeSalon } from "../../support/factories";
import { useServerClock } from "../../support/clock";

// holdSlot and bookAppointment send several statements at once on the transaction's connection.
// PostgreSQL runs them in the order they arrive; this pins that order (lock, clean-up, old hold
// ended, then the inserts), so a driver or ORM change that reorders them fails here, not in production.
const seen: string[] = [];
const client = postgres(process.env.DATABASE_URL!, {
  max: 2,
  onnotice: () => {},
  debug: (_connection, query) => seen.push(query.replace(/\s+/g, " ").trim()),
});
const db = drizzle(client, { schema });
afterAll(() => client.end());

const NOW = new Date("2027-02-26T12:00:00Z");
// The server clock too: nothing before it is offered or booked, whatever day the suite runs on.
useServerClock(NOW);
const at = (minute: number) => zonedInstant("2027-03-01", minute, "Europe/Berlin");
const indexOf = (pattern: RegExp, from = 0) => seen.findIndex((q, i) => i >= from && pattern.test(q));
/** Every pattern was seen, in this order; their positions. */
const expectInOrder = (patterns: RegExp[]): number[] => {
  const order = patterns.map((p) => indexOf(p));
  expect(order.every((i) => i >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  return order;
};

describe("pipelined statements run in program order", () => {
  it("a second hold of the same call: lock, expired holds, the old hold released, then the new hold inserted", async () => {
    const salon = await makeSalon();
    const call = await makeCall(salon.company);
    const ctx = ctxFor(salon.company, db);
    await holdSlot({
      ctx,
      input: { callId: call.id, serviceId: salon.cut.id, staffId: salon.anna.id, start: at(600) },
    });
    seen.length = 0;
    await holdSlot({
      ctx,
      input: { callId: call.id, serviceId: salon.cut.id, staffId: salon.anna.id, start: at(660) },
    });
    expectInOrder([
      /for no key update/,
      /delete from staff_busy_intervals where kind = 'hold' and expires_at <= now\(\)/,
      /with mine as/,
      /insert into slot_holds/,
    ]);
  });

  it("a booking: lock, clean-up, hold consumed and customer before the appointment, busy time and job after it", async () => {
    const salon = await makeSalon();
    const call = await makeCall(salon.company);
    const ctx = ctxFor(salon.company, db);
    await holdSlot({
      ctx,
      input: { callId: call.id, serviceId: salon.perm.id, staffId: salon.ben.id, start: at(540) },
    });
    seen.length = 0;
    const { appointment } = await bookAppointment({
      ctx,
      input: {
        serviceId: salon.perm.id,
        start: at(540),
        callId: call.id,
        customer: { name: "Siegfried Reu", phone: "0151 1234 5678" },
        now: NOW,
      },
    });
    expect(appointment.staffName).toBe("Ben Vogel");
    const order = expectInOrder([
      /for no key update/,
      /expires_at <= now\(\)/,
      /with mine as/,
      /insert into "customers"/,
      /insert into "appointments"/,
      /insert into "appointment_phases"/,
    ]);
    const phasesAt = order[5]!;
    expect(indexOf(/insert into "staff_busy_intervals"/, phasesAt)).toBeGreaterThan(phasesAt);
    expect(indexOf(/INSERT INTO pgboss\.job/i, phasesAt)).toBeGreaterThan(phasesAt);
  });
});

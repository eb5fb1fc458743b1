import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { holdSlot } from "@/lib/booking/holds";
import { createDb, getDb } from "@/lib/db/client";
import { appointments, slotHolds } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { zonedInstant } from "@/lib/time/zoned";
import { ctxFor, makeCall, makeSalon } from "../../support/factories";
import { useServerClock } from "../../support/clock";

const NOW = new Date("2027-02-26T12:00:00Z");
// The server clock too: nothing before it is offered or booked, whatever day the suite runs on.
useServerClock(NOW);
const at = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return zonedInstant("2027-03-01", h! * 60 + m!, "Europe/Berlin");
};

// 50 callers on 50 separate PostgreSQL connections.
const pool = createDb(process.env.DATABASE_URL!, { max: 50, applicationName: "race-test" });
afterAll(() => pool.close());

const outcome = (settled: PromiseSettledResult<unknown>[]) => ({
  ok: settled.filter((s) => s.status === "fulfilled").length,
  slotTaken: settled.filter((s) => s.status === "rejected" && isAppError(s.reason) && s.reason.code === "SLOT_TAKEN")
    .length,
  other: settled
    .filter((s) => s.status === "rejected" && !(isAppError(s.reason) && s.reason.code === "SLOT_TAKEN"))
    .map((s) => (s as PromiseRejectedResult).reason),
});

describe("races for one slot", () => {
  it("50 concurrent bookings of one slot: exactly one appointment, 49 slot_taken, no other error", async () => {
    const { company, perm, anna } = await makeSalon();
    const ctx = ctxFor(company, pool.db);
    const calls = await Promise.all(Array.from({ length: 50 }, () => makeCall(company)));
    const settled = await Promise.allSettled(
      calls.map((call, i) =>
        bookAppointment({
          ctx,
          input: {
            serviceId: perm.id,
            start: at("10:00"),
            staffId: anna.id,
            callId: call.id,
            customer: { name: `Kunde ${i}`, phone: `+4915100000${String(i).padStart(3, "0")}` },
            now: NOW,
          },
        }),
      ),
    );
    const result = outcome(settled);
    expect(result.other).toEqual([]);
    expect(result).toMatchObject({ ok: 1, slotTaken: 49 });
    const rows = await getDb().select().from(appointments).where(eq(appointments.companyId, company.id));
    expect(rows).toHaveLength(1);
    const [phases] = await getDb().execute<{ n: number }>(
      sql`select count(*)::int as n from appointment_phases where company_id = ${company.id}`,
    );
    expect(phases!.n).toBe(6);
  });

  it("50 concurrent overlapping bookings at different starts: the winners never overlap", async () => {
    const { company, perm, anna } = await makeSalon();
    const ctx = ctxFor(company, pool.db);
    const starts = Array.from({ length: 50 }, (_, i) =>
      at(["09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "10:45", "11:00", "11:15"][i % 10]!),
    );
    const settled = await Promise.allSettled(
      starts.map((start, i) =>
        bookAppointment({
          ctx,
          input: {
            serviceId: perm.id,
            start,
            staffId: anna.id,
            customer: { name: `K${i}`, phone: `+4915200000${String(i).padStart(3, "0")}` },
            now: NOW,
          },
        }),
      ),
    );
    const result = outcome(settled);
    expect(result.other).toEqual([]);
    expect(result.ok).toBeGreaterThanOrEqual(1);
    const [overlaps] = await getDb().execute<{ n: number }>(sql`
      select count(*)::int as n from appointments a join appointments b on a.id < b.id and a.staff_id = b.staff_id
       where a.company_id = ${company.id} and a.status <> 'cancelled' and b.status <> 'cancelled'
         and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)`);
    expect(overlaps!.n).toBe(0);
  });

  it("50 concurrent holds of one slot by different calls: exactly one hold, 49 slot_taken", async () => {
    const { company, cut, anna } = await makeSalon();
    const ctx = ctxFor(company, pool.db);
    const calls = await Promise.all(Array.from({ length: 50 }, () => makeCall(company)));
    const settled = await Promise.allSettled(
      calls.map((call) =>
        holdSlot({ ctx, input: { callId: call.id, serviceId: cut.id, staffId: anna.id, start: at("10:00") } }),
      ),
    );
    const result = outcome(settled);
    expect(result.other).toEqual([]);
    expect(result).toMatchObject({ ok: 1, slotTaken: 49 });
    const active = await getDb().select().from(slotHolds).where(eq(slotHolds.companyId, company.id));
    expect(active.filter((h) => h.status === "active")).toHaveLength(1);

    // The holder books; everyone else racing to book the held slot loses.
    const holder = calls[settled.findIndex((s) => s.status === "fulfilled")]!;
    const bookings = await Promise.allSettled(
      calls.map((call, i) =>
        bookAppointment({
          ctx,
          input: {
            serviceId: cut.id,
            start: at("10:00"),
            staffId: anna.id,
            callId: call.id,
            customer: { name: `Kunde ${i}`, phone: `+4915300000${String(i).padStart(3, "0")}` },
            now: NOW,
          },
        }),
      ),
    );
    const booked = bookings.map((b, i) => (b.status === "fulfilled" ? calls[i]!.id : null)).filter(Boolean);
    expect(booked).toEqual([holder.id]);
    expect(outcome(bookings).other).toEqual([]);
  });

  it("the same call's retries racing each other create one appointment", async () => {
    const { company, perm } = await makeSalon();
    const ctx = ctxFor(company, pool.db);
    const call = await makeCall(company);
    const settled = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        bookAppointment({
          ctx,
          input: {
            serviceId: perm.id,
            start: at("10:00"),
            callId: call.id,
            idempotencyKey: `${call.retellCallId}:perm:10`,
            customer: { name: "Retry", phone: "+4915400000000" },
            now: NOW,
          },
        }),
      ),
    );
    expect(settled.every((s) => s.status === "fulfilled")).toBe(true);
    const ids = new Set(
      settled.map((s) => (s as PromiseFulfilledResult<{ appointment: { id: number } }>).value.appointment.id),
    );
    expect(ids.size).toBe(1);
    expect(await getDb().select().from(appointments).where(eq(appointments.companyId, company.id))).toHaveLength(1);
  });
});

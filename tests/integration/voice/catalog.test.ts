import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { companies, services, staff, staffServices, staffWorkingHours } from "@/lib/db/schema";
import { makeSalon } from "../../support/factories";
import { callFunction, newCallId } from "../../support/retell";
import { useServerClock } from "../../support/clock";

const CALL_START = Date.parse("2025-11-23T20:04:50Z");
useServerClock(new Date(CALL_START));
let salon: Awaited<ReturnType<typeof makeSalon>>;
const caller = () => ({
  call_id: newCallId(),
  agent_id: salon.company.retellAgentId!,
  from_number: "+4915112345678",
  start_timestamp: CALL_START,
});
const version = async () =>
  (await getDb().select({ v: companies.catalogVersion }).from(companies).where(eq(companies.id, salon.company.id)))[0]!
    .v;
const check = (args: Record<string, unknown>) =>
  callFunction(
    "check_availability",
    { service: "Herrenhaarschnitt", date: "2025-11-28", time: "10:00", ...args },
    caller(),
  );

beforeEach(async () => {
  salon = await makeSalon();
});

describe("the voice agent's catalog follows every change at once", () => {
  it("every table it reads bumps the company's catalog version", async () => {
    let last = await version();
    const bumped = async () => {
      const now = await version();
      expect(now).toBeGreaterThan(last);
      last = now;
    };
    await getDb()
      .update(services)
      .set({ synonyms: ["Männerschnitt"] })
      .where(eq(services.id, salon.cut.id));
    await bumped();
    await getDb().update(staff).set({ name: "Anna Berg-Maier" }).where(eq(staff.id, salon.anna.id));
    await bumped();
    await getDb()
      .delete(staffWorkingHours)
      .where(and(eq(staffWorkingHours.staffId, salon.ben.id), eq(staffWorkingHours.weekday, 5)));
    await bumped();
    await getDb()
      .delete(staffServices)
      .where(and(eq(staffServices.staffId, salon.ben.id), eq(staffServices.serviceId, salon.cut.id)));
    await bumped();
  });

  it("a stylist switched off, a new synonym and changed working hours count from the next request", async () => {
    expect((await check({ staff: "Anna" })).body).toMatchObject({ ok: true, available: true });
    await getDb().update(staff).set({ active: false }).where(eq(staff.id, salon.anna.id));
    expect((await check({ staff: "Anna" })).body).toMatchObject({ ok: false, error: "unknown_staff" });

    expect((await check({ service: "Männerschnitt" })).body).toMatchObject({ ok: false, error: "unknown_service" });
    await getDb()
      .update(services)
      .set({ synonyms: ["Herrenschnitt", "Männerschnitt"] })
      .where(eq(services.id, salon.cut.id));
    expect((await check({ service: "Männerschnitt" })).body).toMatchObject({ ok: true, available: true });

    // Ben no longer works Fridays: Friday 10:00 with Ben is not offered any more.
    expect((await check({ staff: "Ben", time: "11:00" })).body).toMatchObject({ available: true });
    await getDb()
      .delete(staffWorkingHours)
      .where(and(eq(staffWorkingHours.staffId, salon.ben.id), eq(staffWorkingHours.weekday, 5)));
    expect((await check({ staff: "Ben", time: "11:30" })).body).toMatchObject({ available: false });
  });

  it("deleting a company with its services and staff still works with the triggers in place", async () => {
    await getDb().delete(companies).where(eq(companies.id, salon.company.id));
    expect(await getDb().select().from(staff).where(eq(staff.companyId, salon.company.id))).toEqual([]);
  });
});

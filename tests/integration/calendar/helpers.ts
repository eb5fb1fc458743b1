import { eq } from "drizzle-orm";
import type { Company } from "@/lib/context";
import { getDb } from "@/lib/db/client";
import { customers, externalBusyTimes, slotHolds, staff, staffAbsences } from "@/lib/db/schema";
import { zonedInstant } from "@/lib/time/zoned";
import { makeCall } from "../../support/factories";

export const TZ = "Europe/Berlin";
export const berlin = (date: string, hhmm: string) =>
  zonedInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), TZ);
export const localHhmm = (instant: Date) =>
  instant.toLocaleTimeString("de-DE", { timeZone: TZ, hour: "2-digit", minute: "2-digit" });

/** A hold of a call still going on (or already expired), as the voice agent leaves it. */
export async function makeHold(
  company: Company,
  values: {
    staffId: string;
    serviceId: number;
    start: Date;
    minutes: number;
    expiresAt: Date;
    status?: "active" | "released";
  },
) {
  const call = await makeCall(company);
  const [row] = await getDb()
    .insert(slotHolds)
    .values({
      companyId: company.id,
      callId: call.id,
      serviceId: values.serviceId,
      staffId: values.staffId,
      startsAt: values.start,
      endsAt: new Date(values.start.getTime() + values.minutes * 60_000),
      expiresAt: values.expiresAt,
      status: values.status ?? "active",
    })
    .returning();
  return { hold: row!, call };
}

export async function makeExternalBusy(company: Company, staffId: string, start: Date, end: Date) {
  const [row] = await getDb()
    .insert(externalBusyTimes)
    .values({ companyId: company.id, staffId, startsAt: start, endsAt: end, externalUid: `uid-${Math.random()}` })
    .returning();
  return row!;
}

export async function makeAbsence(company: Company, values: Omit<typeof staffAbsences.$inferInsert, "companyId">) {
  const [row] = await getDb()
    .insert(staffAbsences)
    .values({ ...values, companyId: company.id })
    .returning();
  return row!;
}

export async function setStaff(id: string, values: Partial<typeof staff.$inferInsert>) {
  await getDb().update(staff).set(values).where(eq(staff.id, id));
}

export const customerNamed = async (id: number) =>
  (await getDb().select().from(customers).where(eq(customers.id, id)))[0]!;

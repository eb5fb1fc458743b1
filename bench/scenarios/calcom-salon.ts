import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { bookAppointment } from "../../lib/booking/book-appointment";
import type { CalcomSimulator } from "../../dev/calcom-sim";
import type { Ctx } from "../../lib/context";
import { encryptSecret } from "../../lib/crypto/secrets";
import type { Db } from "../../lib/db/client";
import { calcomEventMap, companies, serviceSegments } from "../../lib/db/schema";
import { addDays, isoWeekday, type LocalDate, zonedInstant } from "../../lib/time/zoned";
import { createScaleCompany, type ScaleCompany } from "../scale-data";

/**
 * A salon wired to a simulator account as the admin's settings would wire it: API key and webhook
 * secret encrypted on the company, one single-host event type per staff-required segment and
 * stylist, calcom_event_map rows.
 */
export type SyncSalon = ScaleCompany & { ctx: Ctx; apiKey: string };

const TEAM_ID = 4242;

export async function createSyncSalon(
  db: Db,
  sim: CalcomSimulator,
  options: { name: string; staffCount: number; parallel: boolean },
): Promise<SyncSalon> {
  const salon = await createScaleCompany(db, {
    name: options.name,
    agentId: `agent_bench_${randomBytes(4).toString("hex")}`,
    staffCount: options.staffCount,
    customers: 50,
    calls: 0,
    appointments: 0,
    firstDay: "2026-01-05",
  });
  const apiKey = `cal_bench_${randomBytes(8).toString("hex")}`;
  const [company] = await db
    .update(companies)
    .set({
      calcomApiBaseUrl: `${sim.url}/v2`,
      calcomApiKeyEncrypted: encryptSecret(apiKey),
      calcomWebhookSecretEncrypted: encryptSecret(`whsec_${randomBytes(8).toString("hex")}`),
      calcomTeamId: TEAM_ID,
      parallelCalcomBooking: options.parallel,
      postSyncVerification: true,
    })
    .where(eq(companies.id, salon.companyId))
    .returning();
  const permSegments = (
    await db.select().from(serviceSegments).where(eq(serviceSegments.serviceId, salon.serviceIds.perm))
  ).filter((s) => s.staffRequired);
  const parts = [
    ...permSegments.map((s) => ({
      serviceId: salon.serviceIds.perm,
      key: s.key,
      minutes: s.durationMinutes,
      title: `Dauerwelle: ${s.name}`,
    })),
    { serviceId: salon.serviceIds.cut, key: "A", minutes: 30, title: "Herrenhaarschnitt" },
  ];
  for (const [i, staffId] of salon.staffIds.entries()) {
    for (const part of parts) {
      const et = sim.state.addEventType({
        apiKey,
        title: part.title,
        lengthInMinutes: part.minutes,
        hosts: [{ userId: 700_000 + i }],
        schedulingType: "collective",
        teamId: TEAM_ID,
      });
      await db.insert(calcomEventMap).values({
        companyId: salon.companyId,
        serviceId: part.serviceId,
        segmentKey: part.key,
        staffId,
        eventTypeId: et.id,
      });
    }
  }
  return { ...salon, ctx: { db, company: company!, actor: { type: "system" } }, apiKey };
}

/**
 * `count` appointments through the booking engine (each enqueues its calcom-sync job in the same
 * transaction), one after another on distinct stylist-days from `firstDay`: `permEvery`-th a
 * four-phase Dauerwelle at 09:00, the others a Herrenhaarschnitt at 15:00.
 */
export async function bookForSync(
  salon: SyncSalon,
  firstDay: LocalDate,
  count: number,
  permEvery: number,
): Promise<number[]> {
  const ids: number[] = [];
  let day = firstDay;
  let i = 0;
  while (ids.length < count) {
    if (isoWeekday(day) !== 7) {
      for (const staffId of salon.staffIds) {
        if (ids.length >= count) break;
        const perm = permEvery > 0 && i % permEvery === 0;
        const start = zonedInstant(day, perm ? 9 * 60 : 15 * 60, salon.ctx.company.timeZone);
        const { appointment } = await bookAppointment({
          ctx: salon.ctx,
          input: {
            serviceId: perm ? salon.serviceIds.perm : salon.serviceIds.cut,
            start,
            staffId,
            customer: { name: `Bench Kunde ${i}`, phone: `+4917${String(600_000_000 + i)}` },
            source: "admin",
          },
        });
        ids.push(appointment.id);
        i++;
      }
    }
    day = addDays(day, 1);
  }
  return ids;
}

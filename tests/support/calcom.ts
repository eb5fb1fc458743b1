import { afterAll, beforeAll } from "vitest";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { type CalcomSimulator, startCalcomSimulator } from "@/dev/calcom-sim";
import { salonEventTypeSettings } from "@/lib/calcom/provisioning/salon-settings";
import type { Company } from "@/lib/context";
import { encryptSecret } from "@/lib/crypto/secrets";
import { getDb } from "@/lib/db/client";
import { calcomEventMap, companies, serviceSegments, staff } from "@/lib/db/schema";
import { ctxFor, makeSalon } from "./factories";

export const TEAM_ID = 777;
export const SALON_ADDRESS = "Musterstraße 1, 10115 Berlin";

export async function startSim(options: Parameters<typeof startCalcomSimulator>[0] = {}): Promise<CalcomSimulator> {
  return startCalcomSimulator({ port: 0, rateLimitPerMinute: 0, ...options });
}

/**
 * A salon (see makeSalon) wired to a simulator account: API key and webhook secret encrypted on the
 * company, a single-host event type per staff-required segment × stylist with the salon settings
 * provisioning gives them (notice 0, the salon's address, hidden), and calcom_event_map rows.
 */
export async function calcomSalon(
  sim: CalcomSimulator,
  options: Parameters<typeof makeSalon>[0] & { parallel?: boolean; verification?: boolean } = {},
) {
  const salon = await makeSalon(options);
  const apiKey = `cal_test_${randomBytes(6).toString("hex")}`;
  const webhookSecret = `whsec_${randomBytes(8).toString("hex")}`;
  const [company] = await getDb()
    .update(companies)
    .set({
      calcomApiBaseUrl: `${sim.url}/v2`,
      calcomApiKeyEncrypted: encryptSecret(apiKey),
      calcomWebhookSecretEncrypted: encryptSecret(webhookSecret),
      calcomTeamId: TEAM_ID,
      address: SALON_ADDRESS,
      parallelCalcomBooking: options.parallel ?? true,
      postSyncVerification: options.verification ?? true,
    })
    .where(eq(companies.id, salon.company.id))
    .returning();
  const hosts = { [salon.anna.id]: 5001, [salon.ben.id]: 5002 };
  for (const [id, userId] of Object.entries(hosts))
    await getDb().update(staff).set({ calcomUserId: userId }).where(eq(staff.id, id));
  const eventTypes = new Map<string, number>();
  for (const service of [salon.perm, salon.colour, salon.cut]) {
    const segments = await getDb().select().from(serviceSegments).where(eq(serviceSegments.serviceId, service.id));
    const parts = service.composite
      ? segments.filter((s) => s.staffRequired).map((s) => ({ key: s.key, minutes: s.durationMinutes, name: s.name }))
      : [{ key: "A", minutes: service.durationMinutes, name: service.name }];
    for (const [staffId, userId] of Object.entries(hosts)) {
      for (const part of parts) {
        const et = sim.state.addEventType({
          apiKey,
          title: `${service.name}: ${part.name}`,
          lengthInMinutes: part.minutes,
          hosts: [{ userId }],
          schedulingType: "collective",
          teamId: TEAM_ID,
          ...salonEventTypeSettings(SALON_ADDRESS),
        });
        eventTypes.set(`${service.name}|${part.key}|${staffId}`, et.id);
        await getDb()
          .insert(calcomEventMap)
          .values({ companyId: company!.id, serviceId: service.id, segmentKey: part.key, staffId, eventTypeId: et.id });
      }
    }
  }
  return { ...salon, company: company!, ctx: ctxFor(company!), apiKey, webhookSecret, hosts, eventTypes };
}

export const refreshCtx = async (company: Company) => {
  const [row] = await getDb().select().from(companies).where(eq(companies.id, company.id));
  return ctxFor(row!);
};

/**
 * Switches off the client's 120-requests-a-minute pacing for this test file: a full webhook audit
 * reads every event type's webhooks, and the pacing is not what these files test.
 */
export function withoutPacing(): void {
  const before = process.env.CALCOM_RATE_LIMIT_PER_MINUTE;
  beforeAll(() => {
    process.env.CALCOM_RATE_LIMIT_PER_MINUTE = "0";
  });
  afterAll(() => {
    if (before === undefined) delete process.env.CALCOM_RATE_LIMIT_PER_MINUTE;
    else process.env.CALCOM_RATE_LIMIT_PER_MINUTE = before;
  });
}

import { asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { serviceSegments, services, staffServices } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import type { ServiceInput } from "@/lib/catalog/service-input";

/** The error code a verb fails with ("ok" when it did not fail). */
export const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (isAppError(error) ? error.code : `unexpected: ${String(error)}`),
  );

export const messageOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "",
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );

/** Everything the service verbs may write for a company, to prove a refusal wrote nothing. */
export async function serviceState(companyId: string) {
  const db = getDb();
  return {
    services: await db.select().from(services).where(eq(services.companyId, companyId)).orderBy(asc(services.id)),
    segments: await db
      .select()
      .from(serviceSegments)
      .where(eq(serviceSegments.companyId, companyId))
      .orderBy(asc(serviceSegments.id)),
    links: await db
      .select()
      .from(staffServices)
      .where(eq(staffServices.companyId, companyId))
      .orderBy(asc(staffServices.serviceId), asc(staffServices.staffId)),
  };
}

export const segmentsOf = (serviceId: number) =>
  getDb()
    .select()
    .from(serviceSegments)
    .where(eq(serviceSegments.serviceId, serviceId))
    .orderBy(asc(serviceSegments.sequenceOrder));

export const linksOf = async (serviceId: number) =>
  (await getDb().select().from(staffServices).where(eq(staffServices.serviceId, serviceId)))
    .map((l) => l.staffId)
    .sort();

/** A perm as the form posts it: strings where people type, segments in order. */
export const permInput = (name: string, staffIds: string[] = []): ServiceInput => ({
  name,
  synonyms: "Perm, perm , Dauerwelle lang",
  price: "89,00",
  active: true,
  staffIds,
  composite: true,
  segments: [
    { key: "A", name: "Haare wickeln", durationMinutes: "50", staffRequired: true },
    { key: "GAP_1", name: "Einwirkzeit", durationMinutes: "15", staffRequired: false },
    { key: "B", name: "Fixierung auftragen", durationMinutes: "5", staffRequired: true },
    { key: "C", name: "Schneiden & Styling", durationMinutes: "40", staffRequired: true },
  ],
});

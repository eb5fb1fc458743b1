import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Company, Ctx } from "@/lib/context";
import { invalidateCatalog } from "@/lib/catalog/catalog";
import { type Db, getDb } from "@/lib/db/client";
import {
  calls,
  companies,
  type OpeningHours,
  serviceSegments,
  services,
  staff,
  staffServices,
  staffWorkingHours,
} from "@/lib/db/schema";
import { refreshPersonGroups } from "@/lib/staff/person-groups";
import { DAUERWELLE_SEGMENTS } from "@/dev/seed/catalog";

const tag = () => randomBytes(4).toString("hex");

export const WEEKDAYS_9_TO_18: OpeningHours = {
  "1": [{ open: "09:00", close: "18:00" }],
  "2": [{ open: "09:00", close: "18:00" }],
  "3": [{ open: "09:00", close: "18:00" }],
  "4": [{ open: "09:00", close: "18:00" }],
  "5": [{ open: "09:00", close: "18:00" }],
  "6": [{ open: "09:00", close: "14:00" }],
  "7": [],
};

export const EVERY_DAY = (open: string, close: string): OpeningHours =>
  Object.fromEntries(["1", "2", "3", "4", "5", "6", "7"].map((d) => [d, [{ open, close }]]));

export async function makeCompany(
  values: Partial<typeof companies.$inferInsert> = {},
  db: Db = getDb(),
): Promise<Company> {
  const [row] = await db
    .insert(companies)
    .values({ name: `Testsalon ${tag()}`, openingHours: WEEKDAYS_9_TO_18, retellAgentId: `agent_${tag()}`, ...values })
    .returning();
  return row!;
}

export const ctxFor = (company: Company, db: Db = getDb()): Ctx => ({ db, company, actor: { type: "system" } });

/** Factories write around the verbs: the catalog this process caches must not outlive them. */
const changed = (company: Company) => invalidateCatalog(company.id);

type Hours = { weekday: number; start: string; end: string }[];

export async function makeStaff(
  company: Company,
  options: { name?: string; hours?: Hours; email?: string; calcomUserId?: number } = {},
) {
  const hours =
    options.hours ??
    Object.entries(company.openingHours).flatMap(([weekday, intervals]) =>
      intervals.map((i) => ({ weekday: Number(weekday), start: i.open, end: i.close })),
    );
  const [row] = await getDb()
    .insert(staff)
    .values({
      companyId: company.id,
      name: options.name ?? `Stylist ${tag()}`,
      email: options.email ?? null,
      calcomUserId: options.calcomUserId ?? null,
    })
    .returning();
  if (hours.length) {
    await getDb()
      .insert(staffWorkingHours)
      .values(
        hours.map((h) => ({
          companyId: company.id,
          staffId: row!.id,
          weekday: h.weekday,
          startTime: h.start,
          endTime: h.end,
        })),
      );
  }
  // As every staff write of the app does: records that look like one person become one person.
  await refreshPersonGroups(getDb(), company.id);
  changed(company);
  const [fresh] = await getDb().select().from(staff).where(eq(staff.id, row!.id));
  return fresh!;
}

export type SegmentSpec = [key: string, name: string, minutes: number, staffRequired: boolean];

export async function makeService(
  company: Company,
  options: { name?: string; minutes?: number; segments?: SegmentSpec[]; synonyms?: string[]; active?: boolean },
) {
  const minutes = options.segments ? options.segments.reduce((s, [, , m]) => s + m, 0) : (options.minutes ?? 30);
  const [row] = await getDb()
    .insert(services)
    .values({
      companyId: company.id,
      name: options.name ?? `Service ${tag()}`,
      durationMinutes: minutes,
      composite: Boolean(options.segments),
      synonyms: options.synonyms ?? [],
      active: options.active ?? true,
    })
    .returning();
  if (options.segments) {
    await getDb()
      .insert(serviceSegments)
      .values(
        options.segments.map(([key, name, m, required], i) => ({
          companyId: company.id,
          serviceId: row!.id,
          key,
          name,
          durationMinutes: m,
          staffRequired: required,
          sequenceOrder: i + 1,
        })),
      );
  }
  changed(company);
  return row!;
}

export async function qualify(company: Company, staffIds: string[], serviceIds: number[]): Promise<void> {
  await getDb()
    .insert(staffServices)
    .values(
      staffIds.flatMap((staffId) => serviceIds.map((serviceId) => ({ companyId: company.id, staffId, serviceId }))),
    );
  changed(company);
}

export async function makeCall(
  company: Company,
  retellCallId = `call_${randomBytes(14).toString("hex").slice(0, 27)}`,
) {
  const [row] = await getDb()
    .insert(calls)
    .values({ companyId: company.id, retellCallId, agentId: company.retellAgentId })
    .returning();
  return row!;
}

/** The seeds' Dauerwelle (A 50 · gap 15 · B 5 · gap 10 · C 15 · D 40). */
export const PERM: SegmentSpec[] = DAUERWELLE_SEGMENTS;

export const ROOT_COLOUR: SegmentSpec[] = [
  ["A", "Ansatzfärbung auftragen", 30, true],
  ["GAP_1", "Einwirkzeit", 30, false],
  ["B", "Auswaschen", 20, true],
  ["C", "Formschnitt", 40, true],
  ["D", "Föhnen & Styling", 40, true],
];

/** A salon with two stylists, a perm, a root colour and a men's cut everybody does. */
export async function makeSalon(
  options: { allowGapBooking?: boolean; openingHours?: OpeningHours; timeZone?: string; holdMinutes?: number } = {},
) {
  const company = await makeCompany({
    allowGapBooking: options.allowGapBooking ?? false,
    openingHours: options.openingHours ?? WEEKDAYS_9_TO_18,
    timeZone: options.timeZone ?? "Europe/Berlin",
    holdMinutes: options.holdMinutes ?? 5,
  });
  const anna = await makeStaff(company, { name: "Anna Berg" });
  const ben = await makeStaff(company, { name: "Ben Vogel" });
  const perm = await makeService(company, { name: "Dauerwelle", segments: PERM });
  const colour = await makeService(company, { name: "Ansatzfärbung", segments: ROOT_COLOUR });
  const cut = await makeService(company, { name: "Herrenhaarschnitt", minutes: 30, synonyms: ["Herrenschnitt"] });
  await qualify(company, [anna.id, ben.id], [perm.id, colour.id, cut.id]);
  return { company, ctx: ctxFor(company), anna, ben, perm, colour, cut };
}

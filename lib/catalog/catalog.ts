import { sql } from "drizzle-orm";
import type { AbsenceSpan, QualifiedStaff } from "./basis";
import { localDate, minutesIntoLocalDay } from "../time";
import type { ServiceDefinition } from "../booking";
import type { Ctx } from "../context";

/**
 * What the voice agent reads about a company on every request — services with segments and
 * synonyms, staff with working hours, absences and qualifications — loaded in one query and kept in memory
 * while the company's catalog_version (bumped by triggers on every change, see migration 0008)
 * is the one the request's company row carries. So a change in the admin app counts from the next
 * request on, in every process, and an unchanged catalog costs no query.
 */
export type CatalogService = ServiceDefinition & { id: number; active: boolean; synonyms: string[] };
export type CatalogStaff = Omit<QualifiedStaff, "personIds"> & {
  active: boolean;
  merged: boolean;
  /** Shared by the records of one person while a duplicate pair is unresolved (staff.person_group). */
  personGroup: string | null;
  serviceIds: number[];
  nameRank: number;
};
/** services by name; staff by creation (the order of duplicate records) */
export type Catalog = { version: number; services: CatalogService[]; staff: CatalogStaff[] };

type RawAbsence = {
  startsAt: string | null;
  endsAt: string | null;
  weekday: number | null;
  start: string | null;
  end: string | null;
  validFrom: string | null;
  validUntil: string | null;
};
type Row = { services: CatalogService[]; staff: (Omit<CatalogStaff, "absences"> & { absences: RawAbsence[] })[] };

/** One-off instants become minutes of the salon's local days once, here, not per candidate slot. */
function absenceSpan(a: RawAbsence, timeZone: string): AbsenceSpan {
  if (a.weekday === null) {
    const from = new Date(a.startsAt!);
    const to = new Date(a.endsAt!);
    return {
      type: "once",
      fromDate: localDate(from, timeZone),
      fromMinute: minutesIntoLocalDay(from, timeZone),
      toDate: localDate(to, timeZone),
      toMinute: minutesIntoLocalDay(to, timeZone),
    };
  }
  return {
    type: "weekly",
    weekday: a.weekday,
    start: a.start!,
    end: a.end!,
    validFrom: a.validFrom!,
    validUntil: a.validUntil,
  };
}

const cache = new Map<string, { version: number; catalog: Promise<Catalog> }>();
const MAX_COMPANIES = 1_000;

async function loadCatalog(ctx: Ctx): Promise<Catalog> {
  const companyId = ctx.company.id;
  const rows = await ctx.db.execute<Row>(sql`
    select
      coalesce((select json_agg(json_build_object(
                  'id', s.id, 'name', s.name, 'synonyms', s.synonyms, 'durationMinutes', s.duration_minutes,
                  'composite', s.composite, 'active', s.active,
                  'segments', coalesce((select json_agg(json_build_object('key', g.key, 'name', g.name, 'durationMinutes', g.duration_minutes,
                                                                          'staffRequired', g.staff_required, 'sequenceOrder', g.sequence_order)
                                                        order by g.sequence_order)
                                          from service_segments g where g.service_id = s.id), '[]'::json))
                order by s.name)
         from services s where s.company_id = ${companyId}), '[]'::json) as services,
      coalesce((select json_agg(json_build_object(
                  'id', m.id, 'name', m.name, 'active', m.active, 'merged', m.merged_into is not null, 'nameRank', m.name_rank,
                  'personGroup', m.person_group,
                  'hours', coalesce((select json_agg(json_build_object('weekday', h.weekday, 'start', to_char(h.start_time, 'HH24:MI'), 'end', to_char(h.end_time, 'HH24:MI')))
                                       from staff_working_hours h where h.staff_id = m.id), '[]'::json),
                  'absences', coalesce((select json_agg(json_build_object('startsAt', a.starts_at, 'endsAt', a.ends_at, 'weekday', a.weekday,
                                                                          'start', to_char(a.start_time, 'HH24:MI'), 'end', to_char(a.end_time, 'HH24:MI'),
                                                                          'validFrom', a.valid_from, 'validUntil', a.valid_until))
                                          from staff_absences a where a.staff_id = m.id), '[]'::json),
                  'serviceIds', coalesce((select json_agg(q.service_id) from staff_services q where q.staff_id = m.id), '[]'::json))
                order by m.created_at, m.id)
         from (select *, row_number() over (order by name, id) as name_rank from staff where company_id = ${companyId}) m), '[]'::json) as staff`);
  const row = rows[0]!;
  return {
    version: ctx.company.catalogVersion,
    services: row.services.map((s) => ({ ...s, id: Number(s.id) })),
    staff: row.staff.map((m) => ({
      ...m,
      serviceIds: m.serviceIds.map(Number),
      absences: m.absences.map((a) => absenceSpan(a, ctx.company.timeZone)),
    })),
  };
}

/**
 * Forgets a company's catalog in this process at once — for writes whose request still carries the
 * old catalog_version (other processes notice the bumped version on their next request).
 */
export function invalidateCatalog(companyId: string): void {
  cache.delete(companyId);
}

/** Runs a write to the catalog; afterwards this process forgets its cached copy, whatever happened. */
export async function changingCatalog<T>(ctx: Ctx, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } finally {
    invalidateCatalog(ctx.company.id);
  }
}

export function getCatalog(ctx: Ctx): Promise<Catalog> {
  const { id, catalogVersion } = ctx.company;
  const known = cache.get(id);
  if (known && known.version === catalogVersion) return known.catalog;
  if (cache.size >= MAX_COMPANIES) cache.clear();
  const catalog = loadCatalog(ctx);
  cache.set(id, { version: catalogVersion, catalog });
  catalog.catch(() => cache.delete(id));
  return catalog;
}

import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { AppError } from "../errors";
import type { ServiceDefinition } from "./phases";

export type LoadedService = ServiceDefinition & { id: number; active: boolean };

/**
 * `personIds`: every active record of the same person (same name, the seed-003 duplicates
 * included): the busy time of any of them blocks all of them.
 */
export type QualifiedStaff = { id: string; name: string; hours: { weekday: number; start: string; end: string }[]; personIds: string[] };

/** Records are one person when their names agree apart from case and surrounding spaces. */
export const personKey = (name: string) => name.trim().toLowerCase();

/**
 * What availability needs besides busy times: the service with its segments, and every active,
 * unmerged staff member who performs it with their working hours. One query; the voice functions
 * load it once per request and hand it on (check → hold → alternatives).
 */
export type BookingBasis = { service: LoadedService; qualified: QualifiedStaff[] };

type BasisRow = {
  id: number;
  name: string;
  duration_minutes: number;
  composite: boolean;
  active: boolean;
  segments: ServiceDefinition["segments"];
  staff: QualifiedStaff[];
};

export async function loadBookingBasis(db: DbOrTx, companyId: string, serviceId: number): Promise<BookingBasis> {
  const rows = await db.execute<BasisRow>(sql`
    select s.id, s.name, s.duration_minutes, s.composite, s.active,
           coalesce((select json_agg(json_build_object('key', g.key, 'name', g.name, 'durationMinutes', g.duration_minutes,
                                                       'staffRequired', g.staff_required, 'sequenceOrder', g.sequence_order)
                                     order by g.sequence_order)
                       from service_segments g where g.service_id = s.id), '[]'::json) as segments,
           coalesce((select json_agg(json_build_object('id', m.id, 'name', m.name,
                                       'personIds', (select json_agg(o.id) from staff o where o.company_id = m.company_id and o.active
                                                        and o.merged_into is null and lower(trim(o.name)) = lower(trim(m.name))),
                                       'hours',
                                       coalesce((select json_agg(json_build_object('weekday', h.weekday, 'start', to_char(h.start_time, 'HH24:MI'),
                                                                                   'end', to_char(h.end_time, 'HH24:MI')))
                                                   from staff_working_hours h where h.staff_id = m.id), '[]'::json))
                                     order by m.name, m.id)
                       from staff m join staff_services q on q.staff_id = m.id and q.service_id = s.id
                      where m.company_id = s.company_id and m.active and m.merged_into is null and s.active), '[]'::json) as staff
      from services s
     where s.company_id = ${companyId} and s.id = ${serviceId}`);
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "Service nicht gefunden", { serviceId });
  return {
    service: {
      id: Number(row.id),
      name: row.name,
      durationMinutes: row.duration_minutes,
      composite: row.composite,
      active: row.active,
      segments: row.segments,
    },
    qualified: row.staff,
  };
}

export async function loadService(db: DbOrTx, companyId: string, serviceId: number): Promise<LoadedService> {
  return (await loadBookingBasis(db, companyId, serviceId)).service;
}

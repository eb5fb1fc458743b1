import type { Ctx } from "../context";
import { AppError } from "../errors";
import type { ServiceDefinition } from "../booking";
import type { LocalDate } from "../time";
import { getCatalog } from "./catalog";

export type LoadedService = ServiceDefinition & { id: number; active: boolean };

/**
 * A staff member who performs a service, with working hours. `personIds`: every active record of
 * the same person (an unresolved duplicate pair, the seed-003 records included — staff.person_group):
 * the busy time of any of them blocks all of them.
 */
export type QualifiedStaff = {
  id: string;
  name: string;
  /** Several ranges per weekday allowed (Mo 09:00–12:30 and 13:30–18:00). */
  hours: { weekday: number; start: string; end: string }[];
  personIds: string[];
  /** When the stylist is away (the kind stays out: "krank" is nobody's business on the phone). */
  absences?: AbsenceSpan[];
};

/**
 * An absence as the engine needs it: a one-off one as salon-local (date, minute) bounds, end
 * exclusive; a weekly one as wall-clock times on its weekday between two local dates.
 */
export type AbsenceSpan =
  | { type: "once"; fromDate: LocalDate; fromMinute: number; toDate: LocalDate; toMinute: number }
  | { type: "weekly"; weekday: number; start: string; end: string; validFrom: LocalDate; validUntil: LocalDate | null };

/** What availability needs besides busy times: the service with its segments and who performs it. */
export type BookingBasis = { service: LoadedService; qualified: QualifiedStaff[] };

/**
 * The booking engine's view of one service, from the company's catalog (the one loader and cache
 * the voice agent uses too): the service and every active, unmerged member who performs it, by name.
 */
export async function serviceBasis(ctx: Ctx, serviceId: number): Promise<BookingBasis> {
  const catalog = await getCatalog(ctx);
  const service = catalog.services.find((s) => s.id === serviceId);
  if (!service) throw new AppError("NOT_FOUND", "Leistung nicht gefunden", { serviceId });
  const live = catalog.staff.filter((m) => m.active && !m.merged);
  const personIds = (id: string, group: string | null) =>
    group ? live.filter((o) => o.personGroup === group).map((o) => o.id) : [id];
  const qualified = service.active
    ? live
        .filter((m) => m.serviceIds.includes(serviceId))
        .sort((a, b) => a.nameRank - b.nameRank)
        .map(({ id, name, hours, absences, personGroup }) => ({
          id,
          name,
          hours,
          absences,
          personIds: personIds(id, personGroup),
        }))
    : [];
  const { synonyms: _, ...definition } = service;
  return { service: definition, qualified };
}

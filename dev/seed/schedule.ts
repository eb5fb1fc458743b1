import { minutesOfDay, publicHolidayOn } from "../../lib/companies";
import { addDays, isoWeekday, type LocalDate } from "../../lib/time";
import type { DemoCompany, DemoService, DemoStaff } from "./catalog";
import type { Random } from "./random";

export type PlannedAppointment = {
  date: LocalDate;
  startMinute: number;
  staffIndex: number;
  service: DemoService;
  fixed?: FixedAppointment;
};

export type FixedAppointment = {
  person: string;
  staffIndex: number;
  serviceName: string;
  date: LocalDate;
  startMinute: number;
  customerName: string;
  retellCallId: string;
};

export const serviceMinutes = (s: DemoService): number =>
  s.segments ? s.segments.reduce((sum, [, , minutes]) => sum + minutes, 0) : (s.minutes ?? 30);

/** A service's segments as rows, numbered from 1 in the order the catalog lists them. */
export const segmentsOf = (s: DemoService) =>
  (s.segments ?? []).map(([key, name, durationMinutes, staffRequired], i) => ({
    key,
    name,
    durationMinutes,
    staffRequired,
    sequenceOrder: i + 1,
  }));

export const performs = (member: DemoStaff, service: DemoService) =>
  member.services.includes("*") || member.services.includes(service.name);

/** How full a day is: busy in the past, thinning out further ahead so the demo has free slots. */
function density(offset: number, daysAhead: number): number {
  if (offset < 0) return 0.78;
  return 0.62 - (0.42 * offset) / Math.max(1, daysAhead);
}

/**
 * Lays out appointments per real person (duplicates share one calendar), back to back or with
 * free time between them, inside company opening hours and the person's working hours.
 */
export function planSchedule(
  def: DemoCompany,
  today: LocalDate,
  random: Random,
  fixed: FixedAppointment[],
): PlannedAppointment[] {
  const planned: PlannedAppointment[] = [];
  const persons = [...new Set(def.staff.map((s) => s.person))];
  for (let offset = -def.daysBack; offset <= def.daysAhead; offset++) {
    const date = addDays(today, offset);
    const weekday = isoWeekday(date);
    const opening = def.openingHours[String(weekday)]?.[0];
    if (!opening) continue;
    for (const person of persons) {
      const records = def.staff.map((s, i) => ({ s, i })).filter(({ s }) => s.person === person);
      const hours = records[0]!.s.hours[weekday as 1];
      if (!hours) continue;
      const dayStart = Math.max(minutesOfDay(opening.open), minutesOfDay(hours[0]));
      // On a public holiday the salon is closed: only the fixed conversations' appointments stay.
      const holiday = publicHolidayOn(def.state, date);
      const dayEnd = holiday ? dayStart : Math.min(minutesOfDay(opening.close), minutesOfDay(hours[1]));
      const blocked = fixed
        .filter((f) => f.person === person && f.date === date)
        .map((f) => {
          const service = def.services.find((s) => s.name === f.serviceName)!;
          planned.push({ date, startMinute: f.startMinute, staffIndex: f.staffIndex, service, fixed: f });
          return [f.startMinute, f.startMinute + serviceMinutes(service)] as const;
        });
      const candidates = def.services.filter((service) => records.some(({ s }) => performs(s, service)));
      let cursor = dayStart;
      while (cursor < dayEnd) {
        if (!random.chance(density(offset, def.daysAhead))) {
          cursor += random.pick([15, 30, 45, 60]);
          continue;
        }
        const service = random.weighted(candidates.map((s) => [s, s.weight] as const));
        const end = cursor + serviceMinutes(service);
        const clash = blocked.find(([from, to]) => cursor < to && end > from);
        if (clash) {
          cursor = clash[1];
          continue;
        }
        if (end > dayEnd) {
          cursor += 15;
          continue;
        }
        const eligible = records.filter(({ s }) => performs(s, service));
        const roll = random.next();
        let acc = 0;
        const chosen =
          eligible.find(({ s }) => {
            acc += s.share ?? 1 / eligible.length;
            return roll < acc;
          }) ?? eligible[0]!;
        planned.push({ date, startMinute: cursor, staffIndex: chosen.i, service });
        cursor = end;
      }
    }
  }
  return planned;
}

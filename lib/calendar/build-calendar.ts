import { salonDay, type SalonCalendar } from "../companies";
import { labelStaff } from "../staff";
import { isoWeekday, type LocalDate } from "../time";
import type { CalendarRows } from "./load-rows";
import { clip, dayBounds, gridStarts, intersect, subtract, wallSpan } from "./spans";
import type { CalendarAbsence, CalendarAppointment, CalendarColumn, CalendarDay, Span, StylistDay } from "./types";

type Options = {
  days: LocalDate[];
  timeZone: string;
  slotMinutes: number;
  gapBooking: boolean;
  now: Date;
  /** Only these stylists' columns; empty or absent: all. */
  only?: string[];
};

function groupBy<T extends { staffId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.staffId);
    if (list) list.push(row);
    else out.set(row.staffId, [row]);
  }
  return out;
}

function salonDays(calendar: SalonCalendar, { days, timeZone }: Options): CalendarDay[] {
  return days.map((date) => {
    const { hours, exception } = salonDay(calendar, date);
    const opening = hours.map((h) => wallSpan(date, h.open, h.close, timeZone));
    const closure =
      exception?.kind === "holiday"
        ? { kind: "holiday" as const, name: exception.name }
        : exception?.kind === "special"
          ? { kind: "special" as const, reason: exception.reason }
          : opening.length === 0
            ? { kind: "closed" as const }
            : null;
    return { date, opening, closure };
  });
}

type AbsenceRow = CalendarRows["absences"][number];

/** One absence on one local date: a one-off one cut to the day, a weekly one at its wall-clock times. */
function absenceOn(a: AbsenceRow, date: LocalDate, bounds: Span, timeZone: string): CalendarAbsence | null {
  const base = { id: a.id, kind: a.kind, allDay: a.allDay };
  if (a.weekday === null) return clip({ ...base, weekly: false, start: a.startsAt!, end: a.endsAt! }, bounds);
  if (a.weekday !== isoWeekday(date) || date < a.validFrom! || (a.validUntil !== null && date > a.validUntil))
    return null;
  return { ...base, weekly: true, ...wallSpan(date, a.startTime!, a.endTime!, timeZone) };
}

/** Builds the calendar from the loaded rows: per active, unmerged stylist a column of days, free time worked out. */
export function buildCalendar(rows: CalendarRows, calendar: SalonCalendar, options: Options) {
  const { timeZone, gapBooking, now } = options;
  const days = salonDays(calendar, options);
  const labels = labelStaff(rows.members);
  const hours = groupBy(rows.hours);
  const holds = groupBy(rows.holds);
  const absences = groupBy(rows.absences);
  const busy = groupBy(rows.busy);
  const phasesOf = new Map<number, CalendarRows["phases"]>();
  for (const p of rows.phases) phasesOf.set(p.appointmentId, [...(phasesOf.get(p.appointmentId) ?? []), p]);
  const appointments = groupBy(
    rows.appointments.map((a) => ({
      ...a,
      status: a.status as CalendarAppointment["status"],
      phases: (phasesOf.get(a.id) ?? []).map((p) => ({
        id: p.id,
        name: p.name,
        start: p.start,
        end: p.end,
        withStylist: p.withStylist,
        bookable: gapBooking && !p.withStylist,
      })),
    })),
  );

  const stylists = rows.members
    .filter((m) => m.active && !m.mergedInto)
    .sort((a, b) => labels.get(a.id)!.localeCompare(labels.get(b.id)!, "de"));
  const only = new Set(options.only ?? []);
  const columns: CalendarColumn[] = stylists
    .filter((m) => only.size === 0 || only.has(m.id))
    .map((member) => ({
      staffId: member.id,
      label: labels.get(member.id) ?? member.name,
      color: member.color,
      days: days.map((day): StylistDay => {
        const bounds = dayBounds(day.date, timeZone);
        const weekday = isoWeekday(day.date);
        const working = (hours.get(member.id) ?? [])
          .filter((h) => h.weekday === weekday)
          .map((h) => wallSpan(day.date, h.start, h.end, timeZone));
        const dayAppointments = (appointments.get(member.id) ?? []).flatMap((a) => {
          const cut = clip(a, bounds);
          if (!cut) return [];
          const { staffId: _, ...shown } = cut;
          return [{ ...shown, phases: shown.phases.flatMap((p) => clip(p, bounds) ?? []) }];
        });
        const dayHolds = (holds.get(member.id) ?? []).flatMap((h) => {
          const cut = clip(h, bounds);
          return cut ? [{ id: cut.id, callId: cut.callId, start: cut.start, end: cut.end }] : [];
        });
        const dayAbsences = (absences.get(member.id) ?? []).flatMap(
          (a) => absenceOn(a, day.date, bounds, timeZone) ?? [],
        );
        const dayBusy = (busy.get(member.id) ?? []).flatMap((b) => {
          const cut = clip(b, bounds);
          return cut ? [{ id: cut.id, start: cut.start, end: cut.end }] : [];
        });
        // With gap booking only the phases with the stylist take their time; Einwirkzeit stays free.
        const taken: Span[] = [
          ...dayAppointments.flatMap((a): Span[] =>
            gapBooking && a.phases.length ? a.phases.filter((p) => p.withStylist) : [a],
          ),
          ...dayHolds,
          ...dayAbsences,
          ...dayBusy,
          { start: bounds.start, end: now },
        ];
        const free = subtract(intersect(working, day.opening), taken)
          .map((span) => ({ ...span, slots: gridStarts(span, day.date, options.slotMinutes, timeZone) }))
          .filter((span) => span.slots.length > 0);
        return {
          date: day.date,
          working,
          appointments: dayAppointments,
          holds: dayHolds,
          absences: dayAbsences,
          busy: dayBusy,
          free,
        };
      }),
    }));
  return { days, columns, stylists: stylists.map((m) => ({ id: m.id, label: labels.get(m.id) ?? m.name })) };
}

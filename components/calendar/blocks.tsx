import { STATUS_LABELS } from "@/components/appointments/badges";
import type { CalendarAbsence, CalendarAppointment, CalendarHold, FreeTime, Span } from "@/lib/calendar";
import { ABSENCE_KIND_DE } from "@/lib/staff";
import { formatTimeDe } from "@/lib/time";
import { minuteOf, place, timeRange, type Scale } from "./grid-scale";

type Where = { date: string; scale: Scale };

/** An appointment with its phases: with the stylist solid, Einwirkzeit hatched (and "frei buchbar" when others may book it). */
export function AppointmentBlock({
  item,
  color,
  date,
  scale,
}: { item: CalendarAppointment; color: string | null } & Where) {
  const style = place(item, date, scale, 18);
  if (!style) return null;
  const tz = scale.timeZone;
  const top = Math.max(minuteOf(item.start, date, tz), scale.from);
  return (
    <li className="kal-item" style={style}>
      <a
        href={`/appointments/${item.id}`}
        className="kal-box kal-appt"
        style={color ? { borderLeftColor: color } : undefined}
      >
        <span className="kal-main">
          <b>{timeRange(item, tz)}</b> {item.customerName}
          <span className="kal-sub">
            {item.serviceName}
            {item.status !== "confirmed" ? ` · ${STATUS_LABELS[item.status]}` : ""}
          </span>
        </span>
        {item.phases.map((phase) => {
          const phaseStyle = place(phase, date, scale, 0);
          if (!phaseStyle || phase.withStylist) return null;
          const offset = (Math.max(minuteOf(phase.start, date, tz), scale.from) - top) * scale.pxPerMinute;
          return (
            <span
              key={phase.id}
              className="kal-gap"
              style={{ top: `${offset}px`, height: phaseStyle.height }}
              title={timeRange(phase, tz)}
            >
              Einwirkzeit{phase.bookable ? " · frei buchbar" : ""}
            </span>
          );
        })}
      </a>
    </li>
  );
}

export function HoldBlock({ item, date, scale }: { item: CalendarHold } & Where) {
  const style = place(item, date, scale);
  if (!style) return null;
  return (
    <li className="kal-item" style={style}>
      <a href={`/calls/${item.callId}`} className="kal-box kal-hold">
        <b>{timeRange(item, scale.timeZone)}</b> Reserviert – laufender Anruf
      </a>
    </li>
  );
}

export function AbsenceBlock({ item, date, scale }: { item: CalendarAbsence } & Where) {
  const style = place(item, date, scale);
  if (!style) return null;
  const when = item.allDay ? "ganztägig" : timeRange(item, scale.timeZone);
  return (
    <li className="kal-item kal-box kal-absence" style={style}>
      <b>{ABSENCE_KIND_DE[item.kind]}</b> ({when}
      {item.weekly ? ", jede Woche" : ""})
    </li>
  );
}

export function BusyBlock({ item, date, scale }: { item: Span } & Where) {
  const style = place(item, date, scale);
  if (!style) return null;
  return (
    <li className="kal-item kal-box kal-busy" style={style}>
      <b>{timeRange(item, scale.timeZone)}</b> Belegt in Cal.com
    </li>
  );
}

type SlotProps = { free: FreeTime; staffId: string; staffLabel: string; dayLabel: string } & Where;

const bookingHref = (staffId: string, start: Date) =>
  `/appointments/new?staff=${staffId}&start=${encodeURIComponent(start.toISOString())}`;

/**
 * Free time as links to the booking form. The day shows every start of the salon's grid (at least
 * 15 minutes apart), each named in full ("Termin anlegen bei … am … um …"); the week, to stay
 * readable and light for ten stylists, one block per free stretch that books at its first start,
 * named by its text ("frei ab 10:30") inside the list of that stylist and day.
 */
export function FreeSlots({ free, staffId, staffLabel, dayLabel, date, scale }: SlotProps) {
  const tz = scale.timeZone;
  const name = (slot: Date) => `Termin anlegen bei ${staffLabel} am ${dayLabel} um ${formatTimeDe(slot, tz)}`;
  if (scale.pxPerMinute < 1.5) {
    const first = free.slots[0]!;
    const style = place({ start: first, end: free.end }, date, scale, 12);
    if (!style) return null;
    return (
      <li className="kal-item" style={style}>
        <a href={bookingHref(staffId, first)} className="kal-free kal-span">
          frei ab {formatTimeDe(first, tz)}
        </a>
      </li>
    );
  }
  const every = Math.max(scale.slotMinutes, 15);
  return free.slots
    .filter((slot, i) => i === 0 || minuteOf(slot, date, tz) % every === 0)
    .map((slot) => {
      const style = place({ start: slot, end: new Date(slot.getTime() + 15 * 60_000) }, date, scale, 12);
      if (!style) return null;
      return (
        <li key={slot.getTime()} className="kal-item" style={style}>
          <a href={bookingHref(staffId, slot)} className="kal-free" aria-label={name(slot)}>
            {formatTimeDe(slot, tz)}
          </a>
        </li>
      );
    });
}

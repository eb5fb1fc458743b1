import type { Calendar, CalendarColumn, CalendarDay, Closure, Span } from "@/lib/calendar";
import { AbsenceBlock, AppointmentBlock, BusyBlock, FreeSlots, HoldBlock } from "./blocks";
import { dayTitle, place, timeRange, type Scale } from "./grid-scale";
import { zonedInstant as zonedAt } from "@/lib/time";

function closureText(closure: Closure | null, opening: Span[], timeZone: string): string {
  const hours = opening.map((s) => timeRange(s, timeZone)).join(" und ");
  if (!opening.length) {
    if (closure?.kind === "holiday") return `Geschlossen – ${closure.name}`;
    if (closure?.kind === "special" && closure.reason) return `Geschlossen – ${closure.reason}`;
    return "Geschlossen";
  }
  if (closure?.kind === "special")
    return `Geöffnet ${hours} (besondere Öffnungszeiten${closure.reason ? `: ${closure.reason}` : ""})`;
  return `Geöffnet ${hours}`;
}

/** Stretches of the visible hours outside `spans` (closed salon, stylist not working). */
function outside(spans: Span[], date: string, scale: Scale, bounds: Span): React.CSSProperties[] {
  const sorted = [...spans].sort((a, b) => a.start.getTime() - b.start.getTime());
  const gaps: Span[] = [];
  let cursor = bounds.start;
  for (const s of sorted) {
    if (s.start > cursor) gaps.push({ start: cursor, end: s.start });
    if (s.end > cursor) cursor = s.end;
  }
  if (cursor < bounds.end) gaps.push({ start: cursor, end: bounds.end });
  return gaps.flatMap((g) => place(g, date, scale, 0) ?? []);
}

function StylistDayColumn(props: {
  column: CalendarColumn;
  index: number;
  day: CalendarDay;
  scale: Scale;
  bounds: Span;
  height: number;
  dayLabel: string;
}) {
  const { column, index, day, scale, bounds, height, dayLabel } = props;
  const mine = column.days[index]!;
  const tz = scale.timeZone;
  const headingId = `kal-${day.date}-${column.staffId}`;
  const hours = mine.working.map((s) => timeRange(s, tz)).join(", ");
  const where = { date: day.date, scale };
  return (
    <section aria-labelledby={headingId} className="kal-col">
      <header className="kal-head">
        <h3 id={headingId} className="kal-name">
          <span
            aria-hidden="true"
            className="kal-dot"
            style={column.color ? { backgroundColor: column.color } : undefined}
          />
          {column.label}
        </h3>
        <p className="kal-hours">{hours ? `Arbeitszeit ${hours}` : "Nicht im Dienst"}</p>
      </header>
      <div className="relative" style={{ height: `${height}px` }}>
        {outside(mine.working, day.date, scale, bounds).map((style, i) => (
          <div key={`w${i}`} aria-hidden="true" className="kal-off" style={style} />
        ))}
        {outside(day.opening, day.date, scale, bounds).map((style, i) => (
          <div key={`c${i}`} aria-hidden="true" className="kal-closed" style={style}>
            {day.opening.length ? null : day.closure?.kind === "holiday" ? day.closure.name : "Geschlossen"}
          </div>
        ))}
        <ul aria-label={`Termine und freie Zeiten von ${column.label} am ${dayLabel}`}>
          {mine.absences.map((a) => (
            <AbsenceBlock key={`a${a.id}`} item={a} {...where} />
          ))}
          {mine.busy.map((b) => (
            <BusyBlock key={`b${b.id}`} item={b} {...where} />
          ))}
          {mine.appointments.map((a) => (
            <AppointmentBlock key={`t${a.id}`} item={a} color={column.color} {...where} />
          ))}
          {mine.holds.map((h) => (
            <HoldBlock key={`h${h.id}`} item={h} {...where} />
          ))}
          {mine.free.map((f) => (
            <FreeSlots
              key={`f${f.start.getTime()}`}
              free={f}
              staffId={column.staffId}
              staffLabel={column.label}
              dayLabel={dayLabel}
              {...where}
            />
          ))}
        </ul>
      </div>
    </section>
  );
}

/** One day: a heading with the salon's hours, then the time grid with a column per stylist. */
export function DayGrid({ calendar, index, scale }: { calendar: Calendar; index: number; scale: Scale }) {
  const day = calendar.days[index]!;
  const tz = calendar.timeZone;
  const title = dayTitle(day.date, tz);
  const height = (scale.to - scale.from) * scale.pxPerMinute;
  const bounds = { start: zonedAt(day.date, scale.from, tz), end: zonedAt(day.date, scale.to, tz) };
  const hours = Array.from({ length: (scale.to - scale.from) / 60 }, (_, i) => scale.from + i * 60);
  return (
    <section aria-labelledby={`kal-${day.date}`} className="mb-6 rounded-xl border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 px-4 py-3">
        <h2 id={`kal-${day.date}`} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <p className={`text-sm ${day.opening.length ? "text-slate-500" : "font-medium text-amber-800"}`}>
          {closureText(day.closure, day.opening, tz)}
        </p>
      </div>
      {calendar.columns.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-500">Es sind keine aktiven Mitarbeiter angelegt.</p>
      ) : (
        <div
          className="relative overflow-x-auto"
          tabIndex={0}
          role="region"
          aria-label={`Spalten der Mitarbeiter, ${title}`}
        >
          <div className="flex min-w-max">
            <div aria-hidden="true" className="w-14 shrink-0">
              <div className="h-14 border-b border-slate-200" />
              <div className="relative" style={{ height: `${height}px` }}>
                {hours.map((m) => (
                  <span key={m} className="kal-hour" style={{ top: `${(m - scale.from) * scale.pxPerMinute}px` }}>
                    {String(m / 60).padStart(2, "0")}:00
                  </span>
                ))}
              </div>
            </div>
            {calendar.columns.map((column) => (
              <StylistDayColumn
                key={column.staffId}
                column={column}
                index={index}
                day={day}
                scale={scale}
                bounds={bounds}
                height={height}
                dayLabel={title}
              />
            ))}
          </div>
        </div>
      )}
    </section>
  );
}

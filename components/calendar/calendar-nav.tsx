import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/ui/field";
import { calendarStep, VIEW_PARAM_OF, type CalendarView } from "@/lib/calendar";

export const calendarHref = (view: CalendarView, date?: string) =>
  `/kalender?ansicht=${VIEW_PARAM_OF[view]}${date ? `&datum=${date}` : ""}`;

/** Previous / today / next, day or week, and a date to jump to: plain links and a GET form, no script needed. */
export function CalendarNav({ view, date, isToday }: { view: CalendarView; date: string; isToday: boolean }) {
  const unit = view === "day" ? "Tag" : "Woche";
  return (
    <nav aria-label="Kalender blättern" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="flex items-center gap-1">
        <Link href={calendarHref(view, calendarStep(view, date, -1))} className={buttonClass("secondary")} rel="prev">
          ← {view === "day" ? "Vorheriger Tag" : "Vorherige Woche"}
        </Link>
        <Link
          href={calendarHref(view)}
          className={buttonClass(isToday ? "primary" : "secondary")}
          aria-current={isToday ? "date" : undefined}
        >
          Heute
        </Link>
        <Link href={calendarHref(view, calendarStep(view, date, 1))} className={buttonClass("secondary")} rel="next">
          {view === "day" ? "Nächster Tag" : "Nächste Woche"} →
        </Link>
      </div>
      <ul aria-label="Ansicht" className="flex items-center gap-1">
        {(["day", "week"] as const).map((v) => (
          <li key={v}>
            <Link
              href={calendarHref(v, date)}
              className={buttonClass(v === view ? "primary" : "ghost")}
              aria-current={v === view ? "page" : undefined}
            >
              {v === "day" ? "Tag" : "Woche"}
            </Link>
          </li>
        ))}
      </ul>
      <form method="get" action="/kalender" className="flex items-end gap-2">
        <input type="hidden" name="ansicht" value={VIEW_PARAM_OF[view]} />
        <div>
          <label htmlFor="kalender-datum" className={labelClass}>
            Zum Datum springen
          </label>
          <input id="kalender-datum" type="date" name="datum" defaultValue={date} className={inputClass} required />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          {unit} anzeigen
        </button>
      </form>
    </nav>
  );
}

import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/ui/field";
import { calendarStep, VIEW_PARAM_OF, type CalendarView } from "@/lib/calendar";

export const calendarHref = (view: CalendarView, date?: string, staff: string[] = []) =>
  `/kalender?ansicht=${VIEW_PARAM_OF[view]}${date ? `&datum=${date}` : ""}${staff.map((id) => `&ma=${id}`).join("")}`;

/** Previous / today / next, day or week, and a date to jump to: plain links and a GET form, no script needed. */
export function CalendarNav({
  view,
  date,
  isToday,
  stylists,
  selected,
}: {
  view: CalendarView;
  date: string;
  isToday: boolean;
  stylists: { id: string; label: string }[];
  selected: string[];
}) {
  const unit = view === "day" ? "Tag" : "Woche";
  const href = (v: CalendarView, d?: string) => calendarHref(v, d, selected);
  return (
    <nav aria-label="Kalender blättern" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="flex items-center gap-1">
        <Link href={href(view, calendarStep(view, date, -1))} className={buttonClass("secondary")} rel="prev">
          ← {view === "day" ? "Vorheriger Tag" : "Vorherige Woche"}
        </Link>
        <Link
          href={href(view)}
          className={buttonClass(isToday ? "primary" : "secondary")}
          aria-current={isToday ? "date" : undefined}
        >
          Heute
        </Link>
        <Link href={href(view, calendarStep(view, date, 1))} className={buttonClass("secondary")} rel="next">
          {view === "day" ? "Nächster Tag" : "Nächste Woche"} →
        </Link>
      </div>
      <ul aria-label="Ansicht" className="flex items-center gap-1">
        {(["day", "week"] as const).map((v) => (
          <li key={v}>
            <Link
              href={href(v, date)}
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
        {selected.map((id) => (
          <input key={id} type="hidden" name="ma" value={id} />
        ))}
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
      <details className="relative">
        <summary className={`${buttonClass("ghost")} cursor-pointer`}>
          Mitarbeiter: {selected.length ? `${selected.length} von ${stylists.length}` : "alle"}
        </summary>
        <form
          method="get"
          action="/kalender"
          className="absolute z-40 mt-1 w-64 space-y-1 rounded-lg border border-slate-200 bg-white p-3 shadow-lg"
        >
          <input type="hidden" name="ansicht" value={VIEW_PARAM_OF[view]} />
          <input type="hidden" name="datum" value={date} />
          <fieldset className="max-h-72 space-y-1 overflow-y-auto">
            <legend className={labelClass}>Spalten anzeigen für</legend>
            {stylists.map((s) => (
              <label key={s.id} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" name="ma" value={s.id} defaultChecked={selected.includes(s.id)} />
                {s.label}
              </label>
            ))}
          </fieldset>
          <button type="submit" className={buttonClass("secondary")}>
            Anzeigen
          </button>
        </form>
      </details>
    </nav>
  );
}

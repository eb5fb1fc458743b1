"use client";

import { useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

type Range = { open: string; close: string };
export type OpeningDay = { weekday: string; name: string; intervals: Range[] };

/**
 * The first range keeps the labels "Montag öffnet"/"Montag schließt"; further ranges are
 * "Montag, 2. Zeitraum öffnet" — a label that does not contain the first one's.
 */
const labelOf = (name: string, index: number, what: "öffnet" | "schließt") =>
  index === 0 ? `${name} ${what}` : `${name}, ${index + 1}. Zeitraum ${what}`;

function DayRow({ weekday, name, intervals }: OpeningDay) {
  const [closed, setClosed] = useState(intervals.length === 0);
  // Keys (and so the inputs' ids) are the same on the server and in the browser: the initial index, then a counter.
  const [ranges, setRanges] = useState(() =>
    (intervals.length ? intervals : [{ open: "09:00", close: "18:00" }]).map((r, key) => ({ ...r, key })),
  );
  const nextKey = useRef(ranges.length);
  const add = () => {
    const last = ranges[ranges.length - 1];
    setRanges([...ranges, { open: last?.close ?? "13:00", close: "18:00", key: nextKey.current++ }]);
  };
  return (
    <div className="grid grid-cols-[7rem_1fr] items-start gap-3 py-2 sm:grid-cols-[8rem_9rem_1fr]">
      <span className="pt-2 text-sm font-medium text-slate-800">{name}</span>
      <label className="flex items-center gap-2 pt-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name={`closed-${weekday}`}
          checked={closed}
          onChange={(event) => setClosed(event.target.checked)}
          className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
        />
        <span>
          <span className="sr-only">{name} </span>geschlossen
        </span>
      </label>
      <div className="col-span-2 space-y-2 sm:col-span-1">
        {ranges.map((range, index) => (
          <div key={range.key} className="flex flex-wrap items-center gap-2">
            <label htmlFor={`open-${weekday}-${range.key}`} className="sr-only">
              {labelOf(name, index, "öffnet")}
            </label>
            <div className="w-32">
              <input
                id={`open-${weekday}-${range.key}`}
                name={`open-${weekday}`}
                type="time"
                defaultValue={range.open}
                disabled={closed}
                className={inputClass}
              />
            </div>
            <span aria-hidden className="text-slate-500">
              –
            </span>
            <label htmlFor={`close-${weekday}-${range.key}`} className="sr-only">
              {labelOf(name, index, "schließt")}
            </label>
            <div className="w-32">
              <input
                id={`close-${weekday}-${range.key}`}
                name={`close-${weekday}`}
                type="time"
                defaultValue={range.close}
                disabled={closed}
                className={inputClass}
              />
            </div>
            <span className="text-sm text-slate-500">Uhr</span>
            {index > 0 ? (
              <button
                type="button"
                disabled={closed}
                onClick={() => setRanges(ranges.filter((r) => r.key !== range.key))}
                className={buttonClass("ghost", "px-2 py-1")}
                aria-label={`${name}: ${index + 1}. Zeitraum entfernen`}
              >
                Entfernen
              </button>
            ) : null}
          </div>
        ))}
        <button
          type="button"
          disabled={closed}
          onClick={add}
          className={buttonClass("ghost", "px-2 py-1 text-xs")}
          aria-label={`${name}: Zeitraum hinzufügen`}
        >
          + Zeitraum (z. B. nach der Mittagspause)
        </button>
      </div>
    </div>
  );
}

/** Opening ranges per weekday (several per day for a lunch break); a closed day is stored as an empty list. */
export function OpeningHoursFields({ days }: { days: OpeningDay[] }) {
  return (
    <div className="divide-y divide-slate-100">
      {days.map((day) => (
        <DayRow key={day.weekday} {...day} />
      ))}
    </div>
  );
}

"use client";

import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { WEEKDAY_NAMES_DE } from "@/lib/time";

const DAYS = WEEKDAY_NAMES_DE;
type Range = { weekday: number; start: string; end: string };
type Row = Range & { key: number };

let nextKey = 0;
const keyed = (r: Range): Row => ({ ...r, key: nextKey++ });

/** Weekly hours, several ranges per day (a break between them); posted as one JSON field "hours". */
export function HoursEditor({ initial }: { initial: Range[] }) {
  const [rows, setRows] = useState<Row[]>(() => initial.map(keyed));
  const update = (key: number, patch: Partial<Range>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <div className="space-y-2">
      <input type="hidden" name="hours" value={JSON.stringify(rows.map(({ key: _, ...r }) => r))} />
      {DAYS.map((day, i) => {
        const weekday = i + 1;
        const ranges = rows.filter((r) => r.weekday === weekday);
        return (
          <div key={day} className="flex flex-wrap items-center gap-2 border-b border-slate-100 pb-2">
            <span className="w-28 text-sm font-medium text-slate-700">{day}</span>
            {ranges.length === 0 ? <span className="text-sm text-slate-500">frei</span> : null}
            {ranges.map((r, n) => (
              <span key={r.key} className="flex items-center gap-1">
                <input
                  aria-label={`${day} Beginn ${n + 1}`}
                  type="time"
                  value={r.start}
                  onChange={(e) => update(r.key, { start: e.target.value })}
                  className={`${inputClass} w-28`}
                />
                –
                <input
                  aria-label={`${day} Ende ${n + 1}`}
                  type="time"
                  value={r.end}
                  onChange={(e) => update(r.key, { end: e.target.value })}
                  className={`${inputClass} w-28`}
                />
                <button
                  type="button"
                  aria-label={`${day} Zeitraum ${n + 1} entfernen`}
                  onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}
                  className={buttonClass("ghost")}
                >
                  ✕
                </button>
              </span>
            ))}
            <button
              type="button"
              onClick={() => {
                const last = ranges.at(-1);
                const range = last
                  ? { start: last.end, end: last.end < "18:00" ? "18:00" : "23:00" }
                  : { start: "09:00", end: "18:00" };
                setRows((all) => [...all, keyed({ weekday, ...range })]);
              }}
              className={buttonClass("secondary")}
            >
              + Zeitraum
            </button>
          </div>
        );
      })}
    </div>
  );
}

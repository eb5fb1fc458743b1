"use client";

import { useState } from "react";
import { inputClass } from "@/components/ui/field";

export type OpeningDay = {
  weekday: string;
  name: string;
  interval: { open: string; close: string } | undefined;
  more: boolean;
};

function DayRow({ weekday, name, interval }: OpeningDay) {
  const [closed, setClosed] = useState(!interval);
  return (
    <div className="grid grid-cols-[7rem_1fr] items-center gap-3 py-2 sm:grid-cols-[8rem_9rem_1fr]">
      <span className="text-sm font-medium text-slate-800">{name}</span>
      <label className="flex items-center gap-2 text-sm text-slate-700">
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
      <div className={`col-span-2 flex items-center gap-2 sm:col-span-1 ${closed ? "opacity-40" : ""}`}>
        <label htmlFor={`open-${weekday}`} className="sr-only">
          {name} öffnet
        </label>
        <div className="w-32">
          <input
            id={`open-${weekday}`}
            name={`open-${weekday}`}
            type="time"
            defaultValue={interval?.open ?? "09:00"}
            disabled={closed}
            className={inputClass}
          />
        </div>
        <span aria-hidden className="text-slate-400">
          –
        </span>
        <label htmlFor={`close-${weekday}`} className="sr-only">
          {name} schließt
        </label>
        <div className="w-32">
          <input
            id={`close-${weekday}`}
            name={`close-${weekday}`}
            type="time"
            defaultValue={interval?.close ?? "18:00"}
            disabled={closed}
            className={inputClass}
          />
        </div>
        <span className="text-sm text-slate-500">Uhr</span>
      </div>
    </div>
  );
}

/** One opening interval per weekday; a closed day is stored as an empty list. */
export function OpeningHoursFields({ days }: { days: OpeningDay[] }) {
  return (
    <div>
      {days.some((d) => d.more) ? (
        <p className="mb-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Einige Tage haben mehrere Öffnungszeiten (z. B. Mittagspause). Hier wird je Tag nur die erste angezeigt, und
          nur sie wird beim Speichern übernommen.
        </p>
      ) : null}
      <div className="divide-y divide-slate-100">
        {days.map((day) => (
          <DayRow key={day.weekday} {...day} />
        ))}
      </div>
    </div>
  );
}

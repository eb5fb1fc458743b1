"use client";

import { useState, useTransition } from "react";
import { deleteSpecialDayAction } from "@/app/(admin)/oeffnungszeiten/actions";
import { buttonClass } from "@/components/ui/button";
import type { ActionState } from "@/lib/actions";

export type SpecialDayRow = { id: number; date: string; hours: string; reason: string | null };

/** The coming special days, each removable (the date then has its weekly or holiday hours again). */
export function SpecialDaysList({ days }: { days: SpecialDayRow[] }) {
  const [state, setState] = useState<ActionState>(null);
  const [pending, startTransition] = useTransition();
  if (days.length === 0) return <p className="px-5 py-4 text-sm text-slate-500">Keine Sondertage eingetragen.</p>;
  return (
    <div className="px-5 py-4">
      <ul aria-label="Kommende Sondertage" className="divide-y divide-slate-100">
        {days.map((d) => (
          <li key={d.id} className="flex items-center justify-between gap-3 py-2 text-sm">
            <span>
              <span className="font-medium text-slate-800">{d.date}</span>{" "}
              <span className="text-slate-600">{d.hours}</span>
              {d.reason ? <span className="text-slate-500"> · {d.reason}</span> : null}
            </span>
            <button
              type="button"
              disabled={pending}
              aria-label={`Sondertag ${d.date} löschen`}
              className={buttonClass("ghost", "px-2 py-1")}
              onClick={() => startTransition(async () => setState(await deleteSpecialDayAction(d.id)))}
            >
              Löschen
            </button>
          </li>
        ))}
      </ul>
      {state ? (
        <p role={state.ok ? "status" : "alert"} className="mt-2 text-sm text-slate-700">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

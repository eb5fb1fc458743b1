"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { saveSpecialDaysAction, type SpecialDayState } from "@/app/(admin)/oeffnungszeiten/actions";
import { buttonClass } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/ui/field";

/**
 * A closure or special hours for one day or a from–to range. When booked appointments fall into it,
 * nothing is saved yet: they are listed and the admin confirms; then they are marked for a call.
 */
export function SpecialDayForm() {
  const [state, setState] = useState<SpecialDayState>(null);
  const [closed, setClosed] = useState(true);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const affectedRef = useRef<HTMLDivElement>(null);
  const affectedCount = state?.affected?.length ?? 0;
  // The list of affected appointments asks for a decision: the keyboard goes there when it appears.
  useEffect(() => {
    if (affectedCount > 0) affectedRef.current?.focus();
  }, [affectedCount]);
  const submit = (confirm: boolean) => {
    const form = formRef.current!;
    const data = new FormData(form);
    if (confirm) data.set("confirm", "on");
    startTransition(async () => {
      const result = await saveSpecialDaysAction(data);
      setState(result);
      if (result?.ok) form.reset();
    });
  };
  return (
    <form
      ref={formRef}
      aria-label="Sondertag eintragen"
      className="space-y-4 px-5 py-5"
      onSubmit={(event) => {
        event.preventDefault();
        submit(false);
      }}
    >
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor="special-from" className={labelClass}>
            Von
          </label>
          <input id="special-from" name="from" type="date" required className={inputClass} />
        </div>
        <div>
          <label htmlFor="special-to" className={labelClass}>
            Bis (optional)
          </label>
          <input id="special-to" name="to" type="date" className={inputClass} />
        </div>
        <div>
          <label htmlFor="special-reason" className={labelClass}>
            Grund
          </label>
          <input
            id="special-reason"
            name="reason"
            maxLength={80}
            placeholder="Betriebsurlaub"
            aria-describedby="special-reason-hint"
            className={inputClass}
          />
          <p id="special-reason-hint" className="mt-1 text-xs text-slate-500">
            Am Telefon: „… haben wir wegen Betriebsurlaub geschlossen“.
          </p>
        </div>
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="closedAllDay"
          checked={closed}
          onChange={(e) => setClosed(e.target.checked)}
          className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
        />
        ganztägig geschlossen
      </label>
      {closed ? null : (
        <fieldset className="space-y-2">
          <legend className={labelClass}>Sonderöffnungszeiten</legend>
          {[1, 2].map((n) => (
            <div key={n} className="flex items-center gap-2 text-sm">
              <label htmlFor={`special-open-${n}`} className="sr-only">
                {n}. Zeitraum öffnet
              </label>
              <input
                id={`special-open-${n}`}
                name="open"
                type="time"
                required={n === 1}
                defaultValue={n === 1 ? "10:00" : ""}
                className={`${inputClass} w-32`}
              />
              <span aria-hidden>–</span>
              <label htmlFor={`special-close-${n}`} className="sr-only">
                {n}. Zeitraum schließt
              </label>
              <input
                id={`special-close-${n}`}
                name="close"
                type="time"
                required={n === 1}
                defaultValue={n === 1 ? "14:00" : ""}
                className={`${inputClass} w-32`}
              />
              <span className="text-slate-500">Uhr{n === 2 ? " (optional)" : ""}</span>
            </div>
          ))}
        </fieldset>
      )}
      {state?.affected?.length ? (
        <div
          ref={affectedRef}
          tabIndex={-1}
          role="alertdialog"
          aria-label="Betroffene Termine"
          className="rounded-lg bg-amber-50 px-4 py-3 text-sm focus:outline-2 focus:outline-amber-400"
        >
          <p className="text-amber-900">{state.message}</p>
          <ul className="my-2 list-disc pl-5 text-amber-900">
            {state.affected.map((a) => (
              <li key={a.id}>
                {a.when} – {a.who}
              </li>
            ))}
          </ul>
          <button type="button" disabled={pending} className={buttonClass("primary")} onClick={() => submit(true)}>
            Trotzdem speichern und Termine markieren
          </button>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Speichere …" : "Speichern"}
        </button>
        {state && !state.affected?.length ? (
          <p
            role={state.ok ? "status" : "alert"}
            className={`rounded-lg px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
          >
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { addAbsenceAction } from "@/app/(admin)/staff/[id]/actions";
import type { StaffFormState } from "@/app/(admin)/staff/form-data";
import { Feedback } from "@/components/services/feedback";
import { buttonClass } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/ui/field";
import { WEEKDAY_NAMES_DE } from "@/lib/time";

const KINDS = [
  ["vacation", "Urlaub"],
  ["sick", "Krank"],
  ["training", "Fortbildung"],
  ["other", "Sonstiges"],
] as const;
const DAYS = WEEKDAY_NAMES_DE;

function Field({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * New absence, once or every week. When it covers booked appointments the first submit lists them
 * and saves nothing; "Trotzdem speichern" posts the same form with confirm=yes.
 */
export function AbsenceForm({ staffId, today }: { staffId: string; today: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<StaffFormState>(null);
  const [repeat, setRepeat] = useState<"once" | "weekly">("once");
  const [allDay, setAllDay] = useState(true);

  const send = (confirm: boolean) => {
    const data = new FormData(formRef.current!);
    if (confirm) data.set("confirm", "yes");
    startTransition(async () => {
      const result = await addAbsenceAction(staffId, data);
      setState(result);
      if (result?.ok) router.refresh();
    });
  };

  return (
    <form
      ref={formRef}
      onSubmit={(e) => {
        e.preventDefault();
        send(false);
      }}
      onChange={() => setState((s) => (s?.needsConfirm ? null : s))}
      noValidate
      aria-label="Neue Abwesenheit"
      className="space-y-4 p-5"
    >
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Field id="absence-kind" label="Art">
          <select id="absence-kind" name="kind" className={inputClass} defaultValue="vacation">
            {KINDS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="absence-repeat" label="Wiederholung">
          <select
            id="absence-repeat"
            name="repeat"
            className={inputClass}
            value={repeat}
            onChange={(e) => setRepeat(e.target.value as "once" | "weekly")}
          >
            <option value="once">einmalig</option>
            <option value="weekly">jede Woche</option>
          </select>
        </Field>
        <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="allDay"
            checked={allDay}
            onChange={(e) => setAllDay(e.target.checked)}
            className="h-4 w-4 rounded border-slate-300"
          />
          ganztägig
        </label>
      </div>
      {repeat === "once" ? (
        <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Field id="absence-from" label={allDay ? "Erster Tag" : "Von (Datum)"}>
            <input id="absence-from" name="fromDate" type="date" defaultValue={today} className={inputClass} />
          </Field>
          {allDay ? null : (
            <Field id="absence-from-time" label="Von (Uhrzeit)">
              <input id="absence-from-time" name="fromTime" type="time" defaultValue="09:00" className={inputClass} />
            </Field>
          )}
          <Field id="absence-to" label={allDay ? "Letzter Tag" : "Bis (Datum)"}>
            <input id="absence-to" name="toDate" type="date" defaultValue={today} className={inputClass} />
          </Field>
          {allDay ? null : (
            <Field id="absence-to-time" label="Bis (Uhrzeit)">
              <input id="absence-to-time" name="toTime" type="time" defaultValue="13:00" className={inputClass} />
            </Field>
          )}
        </div>
      ) : (
        <div className="grid grid-cols-2 gap-4 sm:grid-cols-5">
          <Field id="absence-weekday" label="Wochentag">
            <select id="absence-weekday" name="weekday" className={inputClass} defaultValue="3">
              {DAYS.map((d, i) => (
                <option key={d} value={i + 1}>
                  {d}
                </option>
              ))}
            </select>
          </Field>
          {allDay ? null : (
            <>
              <Field id="absence-start" label="Von">
                <input id="absence-start" name="startTime" type="time" defaultValue="13:00" className={inputClass} />
              </Field>
              <Field id="absence-end" label="Bis">
                <input id="absence-end" name="endTime" type="time" defaultValue="18:00" className={inputClass} />
              </Field>
            </>
          )}
          <Field id="absence-valid-from" label="Ab">
            <input id="absence-valid-from" name="validFrom" type="date" defaultValue={today} className={inputClass} />
          </Field>
          <Field id="absence-valid-until" label="Bis einschließlich (leer = unbefristet)">
            <input id="absence-valid-until" name="validUntil" type="date" className={inputClass} />
          </Field>
        </div>
      )}
      <Field id="absence-note" label="Notiz (nur intern)">
        <input id="absence-note" name="note" className={inputClass} />
      </Field>
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Prüfe …" : "Abwesenheit eintragen"}
        </button>
        {state?.needsConfirm ? (
          <button type="button" disabled={pending} onClick={() => send(true)} className={buttonClass("danger")}>
            Trotzdem speichern und Termine markieren
          </button>
        ) : null}
      </div>
      <Feedback state={state} />
      {state?.affected?.length ? (
        <ul aria-label="Betroffene Termine" className="list-disc pl-5 text-sm text-slate-700">
          {state.affected.map((a) => (
            <li key={a.id}>
              <a href={`/appointments/${a.id}`} className="text-brand-700 hover:underline">
                {a.when}
              </a>{" "}
              – {a.customer}, {a.service}
              {state.ok ? <span className="ml-2 text-amber-700">(Kundin anrufen)</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}

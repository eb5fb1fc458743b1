"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { cancelConflictAction, reassignConflictAction, type ConflictView } from "@/app/(admin)/staff/actions";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { ActionState } from "@/lib/actions";

type AppointmentView = ConflictView["appointments"][number];

/** One appointment of an overlapping pair: give it to someone free at that time, move it, or cancel it with a note. */
function ConflictAppointment({
  appointment: a,
  pending,
  onChanged,
}: {
  appointment: AppointmentView;
  pending: boolean;
  onChanged: () => void;
}) {
  const [staffId, setStaffId] = useState(a.options[0]?.staffId ?? "");
  const [note, setNote] = useState("");
  const [result, setResult] = useState<ActionState>(null);
  const [busy, startTransition] = useTransition();
  const run = (action: () => Promise<ActionState>) =>
    startTransition(async () => {
      const done = await action();
      setResult(done);
      if (done?.ok) onChanged();
    });
  const disabled = pending || busy;
  return (
    <li className="space-y-2 rounded-lg border border-red-200 bg-white p-3 text-slate-800">
      <p>
        <Link href={`/appointments/${a.id}`} className="font-medium text-brand-700 hover:underline">
          Termin #{a.id}
        </Link>{" "}
        · {a.when} · {a.serviceName} · {a.customerName} · {a.staffLabel}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        {a.options.length ? (
          <>
            <label className="text-xs text-slate-600">
              Übergeben an
              <select
                className={`${inputClass} mt-1 block`}
                value={staffId}
                onChange={(e) => setStaffId(e.target.value)}
                disabled={disabled}
              >
                {a.options.map((o) => (
                  <option key={o.staffId} value={o.staffId}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              disabled={disabled}
              className={buttonClass("primary")}
              onClick={() => run(() => reassignConflictAction(a.id, staffId))}
            >
              Übergeben
            </button>
          </>
        ) : (
          <span className="text-xs text-slate-600">Zu dieser Zeit ist niemand sonst frei.</span>
        )}
        <Link href={`/appointments/${a.id}`} className={buttonClass("secondary")}>
          Verschieben
        </Link>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex-1 text-xs text-slate-600">
          Notiz zur Absage
          <input
            className={`${inputClass} mt-1 block w-full`}
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
            disabled={disabled}
          />
        </label>
        <button
          type="button"
          disabled={disabled}
          className={buttonClass("danger")}
          onClick={() => run(() => cancelConflictAction(a.id, note))}
        >
          Absagen
        </button>
      </div>
      {result && !result.ok ? (
        <p role="status" className="rounded bg-red-50 px-2 py-1 text-xs text-red-800">
          {result.message}
        </p>
      ) : null}
    </li>
  );
}

/** The overlapping pairs that block a merge, each appointment with what the admin can do about it. */
export function ConflictList({
  conflicts,
  pending,
  onChanged,
}: {
  conflicts: ConflictView[];
  pending: boolean;
  onChanged: () => void;
}) {
  return (
    <div className="mt-3 space-y-3 rounded-lg bg-red-50 p-3 text-red-800">
      <p className="font-medium">
        Zusammenführen erst möglich, wenn sich keine Termine mehr überschneiden ({conflicts.length}{" "}
        {conflicts.length === 1 ? "Überschneidung" : "Überschneidungen"}). Bitte je Paar einen Termin übergeben,
        verschieben oder absagen:
      </p>
      {conflicts.map((c) => (
        <ul key={c.key} aria-label="Überschneidung" className="space-y-2">
          {c.appointments.map((a) => (
            <ConflictAppointment key={a.id} appointment={a} pending={pending} onChanged={onChanged} />
          ))}
        </ul>
      ))}
    </div>
  );
}

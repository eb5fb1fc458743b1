"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createServiceAction } from "@/app/(admin)/services/actions";
import { updateServiceAction } from "@/app/(admin)/services/[id]/actions";
import type { ServiceFormState } from "@/app/(admin)/services/form-data";
import { buttonClass } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/ui/field";
import { Feedback } from "./feedback";
import { emptySegment, newRowId, SegmentEditor, type SegmentRow } from "./segment-editor";

export type ServiceFormValues = {
  name: string;
  synonyms: string;
  price: string;
  active: boolean;
  staffIds: string[];
  composite: boolean;
  durationMinutes: string;
  segments: Omit<SegmentRow, "rowId">[];
};

type StaffOption = { id: string; name: string; email: string | null };

/** Create or edit a service; the whole form, segment order included, goes to one server action. */
export function ServiceForm({
  serviceId,
  initial,
  staff,
}: {
  serviceId: number | null;
  initial: ServiceFormValues;
  staff: StaffOption[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<ServiceFormState>(null);
  const [composite, setComposite] = useState(initial.composite);
  const [rows, setRows] = useState<SegmentRow[]>(() => initial.segments.map((s) => ({ ...s, rowId: newRowId() })));

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    form.set("segments", JSON.stringify(rows.map(({ rowId: _, ...s }) => s)));
    startTransition(async () => {
      const result = serviceId === null ? await createServiceAction(form) : await updateServiceAction(serviceId, form);
      setState(result);
      if (result?.sessionExpired) return;
      if (result?.ok && serviceId === null) router.push(`/services?neu=${result.id}`);
      else router.refresh();
    });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={serviceId === null ? "Neue Leistung" : "Leistung bearbeiten"}
      className="space-y-5 p-5"
    >
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="service-name" className={labelClass}>
            Name der Leistung
          </label>
          <input id="service-name" name="name" defaultValue={initial.name} className={inputClass} required />
        </div>
        <div>
          <label htmlFor="service-synonyms" className={labelClass}>
            Synonyme (durch Kommas getrennt)
          </label>
          <input
            id="service-synonyms"
            name="synonyms"
            defaultValue={initial.synonyms}
            className={inputClass}
            placeholder="z. B. Herrenschnitt, Männerhaarschnitt"
          />
        </div>
        <div>
          <label htmlFor="service-price" className={labelClass}>
            Preis in Euro
          </label>
          <input
            id="service-price"
            name="price"
            defaultValue={initial.price}
            className={inputClass}
            inputMode="decimal"
            placeholder="89,00"
          />
        </div>
        <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="active"
            defaultChecked={initial.active}
            className="h-4 w-4 rounded border-slate-300"
          />
          Aktiv – der Telefon-Assistent bietet die Leistung an
        </label>
      </div>

      <fieldset>
        <legend className={labelClass}>Wer bietet die Leistung an?</legend>
        {staff.length === 0 ? <p className="text-sm text-slate-500">Noch keine aktiven Mitarbeiter.</p> : null}
        <div className="mt-1 grid grid-cols-1 gap-1 sm:grid-cols-2 lg:grid-cols-3">
          {staff.map((m) => (
            <label key={m.id} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name="staffIds"
                value={m.id}
                defaultChecked={initial.staffIds.includes(m.id)}
                className="h-4 w-4 rounded border-slate-300"
              />
              {m.name}
              {m.email ? <span className="truncate text-xs text-slate-500">{m.email}</span> : null}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="space-y-3 rounded-lg border border-slate-200 p-4">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            name="composite"
            checked={composite}
            onChange={(e) => {
              setComposite(e.target.checked);
              if (e.target.checked && rows.length === 0) setRows([emptySegment([], false)]);
            }}
            className="h-4 w-4 rounded border-slate-300"
          />
          Kombi-Leistung (mehrere Segmente mit Einwirkzeiten)
        </label>
        {composite ? (
          <SegmentEditor rows={rows} onChange={setRows} />
        ) : (
          <div className="max-w-48">
            <label htmlFor="service-duration" className={labelClass}>
              Dauer in Minuten
            </label>
            <input
              id="service-duration"
              name="durationMinutes"
              defaultValue={initial.durationMinutes}
              className={inputClass}
              inputMode="numeric"
            />
          </div>
        )}
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Speichere …" : serviceId === null ? "Leistung anlegen" : "Speichern"}
        </button>
        {serviceId !== null ? (
          <span className="text-sm text-slate-500">
            Bestehende Termine behalten ihre Segmente – Änderungen gelten für neue Buchungen.
          </span>
        ) : null}
      </div>
      <Feedback state={state} />
    </form>
  );
}

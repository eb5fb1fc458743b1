import Form from "next/form";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/ui/field";
import type { AppointmentListQuery } from "@/lib/appointments/list-appointments";
import { STATUS_LABELS } from "./badges";

const SYNC = { synced: "Synchronisiert", pending: "Ausstehend", partial: "Teilweise", failed: "Fehlgeschlagen" };

export function AppointmentFilters({
  query,
  from,
  staff,
  services,
}: {
  query: AppointmentListQuery;
  from: string | undefined;
  staff: { id: string; name: string }[];
  services: { id: number; name: string }[];
}) {
  return (
    <Form action="/appointments" className="grid grid-cols-1 gap-3 border-b border-slate-100 p-5 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-8" role="search" aria-label="Termine filtern">
      <div className="xl:col-span-2">
        <label htmlFor="q" className={labelClass}>
          Kunde (Name oder Nummer)
        </label>
        <input id="q" name="q" type="search" defaultValue={query.q ?? ""} className={inputClass} />
      </div>
      <div>
        <label htmlFor="from" className={labelClass}>
          Von
        </label>
        <input id="from" name="from" type="date" defaultValue={from ?? ""} className={inputClass} />
      </div>
      <div>
        <label htmlFor="to" className={labelClass}>
          Bis
        </label>
        <input id="to" name="to" type="date" defaultValue={query.to ?? ""} className={inputClass} />
      </div>
      <div>
        <label htmlFor="staff" className={labelClass}>
          Mitarbeiter
        </label>
        <select id="staff" name="staff" defaultValue={query.staff ?? ""} className={inputClass}>
          <option value="">Alle</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="service" className={labelClass}>
          Service
        </label>
        <select id="service" name="service" defaultValue={query.service ? String(query.service) : ""} className={inputClass}>
          <option value="">Alle</option>
          {services.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="status" className={labelClass}>
          Status
        </label>
        <select id="status" name="status" defaultValue={query.status ?? ""} className={inputClass}>
          <option value="">Alle</option>
          {Object.entries(STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="sync" className={labelClass}>
          Cal.com-Sync
        </label>
        <select id="sync" name="sync" defaultValue={query.sync ?? ""} className={inputClass}>
          <option value="">Alle</option>
          {Object.entries(SYNC).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap items-end gap-3 sm:col-span-2 lg:col-span-4 xl:col-span-8">
        <label className="mr-2 inline-flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="review" value="1" defaultChecked={query.review === "1"} className="h-4 w-4 rounded border-slate-300 text-brand-600" />
          Nur „Prüfen“
        </label>
        <button type="submit" className={buttonClass("primary")}>
          Filtern
        </button>
        <Link href="/appointments" className={buttonClass("ghost")}>
          Zurücksetzen
        </Link>
        <Link href="/appointments?from=" className={buttonClass("ghost")}>
          Auch vergangene
        </Link>
      </div>
    </Form>
  );
}

import Form from "next/form";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { FilterInput, FilterSelect } from "@/components/ui/filter-fields";
import type { AppointmentListQuery } from "@/lib/appointments";
import { STATUS_LABELS } from "./badges";
import { SYNC_FILTER_OPTIONS } from "./sync-badge";

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
    <Form
      action="/appointments"
      className="grid grid-cols-1 gap-3 border-b border-slate-100 p-5 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-8"
      role="search"
      aria-label="Termine filtern"
    >
      <FilterInput name="q" type="search" label="Kunde (Name oder Nummer)" value={query.q} className="xl:col-span-2" />
      <FilterInput name="from" type="date" label="Von" value={from} />
      <FilterInput name="to" type="date" label="Bis" value={query.to} />
      <FilterSelect name="staff" label="Mitarbeiter" value={query.staff} options={staff.map((s) => [s.id, s.name])} />
      <FilterSelect
        name="service"
        label="Leistung"
        value={query.service ? String(query.service) : undefined}
        options={services.map((s) => [String(s.id), s.name])}
      />
      <FilterSelect name="status" label="Status" value={query.status} options={Object.entries(STATUS_LABELS)} />
      <FilterSelect name="sync" label="Cal.com-Sync" value={query.sync} options={SYNC_FILTER_OPTIONS} />
      <div className="flex flex-wrap items-end gap-3 sm:col-span-2 lg:col-span-4 xl:col-span-8">
        <label className="mr-2 inline-flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="review"
            value="1"
            defaultChecked={query.review === "1"}
            className="h-4 w-4 rounded border-slate-300 text-brand-600"
          />
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

import Form from "next/form";
import Link from "next/link";
import { SYNC_FILTER_OPTIONS } from "@/components/appointments/sync-badge";
import { buttonClass } from "@/components/ui/button";
import { FilterInput, FilterSelect } from "@/components/ui/filter-fields";
import type { CallListQuery } from "@/lib/calls";
import { OUTCOMES } from "./badges";

export function CallFilters({ query }: { query: CallListQuery }) {
  return (
    <Form
      action="/calls"
      className="grid grid-cols-1 gap-3 border-b border-slate-100 p-5 sm:grid-cols-2 lg:grid-cols-6"
      role="search"
      aria-label="Anrufe filtern"
    >
      <FilterInput
        name="q"
        type="search"
        label="Suche (Nummer oder Name)"
        value={query.q}
        placeholder="z. B. 0151 oder Müller"
        className="lg:col-span-2"
      />
      <FilterInput name="from" type="date" label="Von" value={query.from} />
      <FilterInput name="to" type="date" label="Bis" value={query.to} />
      <FilterSelect
        name="outcome"
        label="Ergebnis"
        value={query.outcome}
        options={Object.entries(OUTCOMES).map(([value, { label }]) => [value, label])}
      />
      <FilterSelect name="sync" label="Cal.com-Sync" value={query.sync} options={SYNC_FILTER_OPTIONS} />
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-6">
        <button type="submit" className={buttonClass("primary")}>
          Filtern
        </button>
        <Link href="/calls" className={buttonClass("ghost")}>
          Zurücksetzen
        </Link>
      </div>
    </Form>
  );
}

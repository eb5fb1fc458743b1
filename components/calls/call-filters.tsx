import Form from "next/form";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/ui/field";
import type { CallListQuery } from "@/lib/calls/list-calls";
import { OUTCOMES } from "./badges";

const SYNC = { synced: "Synchronisiert", pending: "Ausstehend", partial: "Teilweise", failed: "Fehlgeschlagen" };

export function CallFilters({ query }: { query: CallListQuery }) {
  return (
    <Form action="/calls" className="grid grid-cols-1 gap-3 border-b border-slate-100 p-5 sm:grid-cols-2 lg:grid-cols-6" role="search" aria-label="Anrufe filtern">
      <div className="lg:col-span-2">
        <label htmlFor="q" className={labelClass}>
          Suche (Nummer oder Name)
        </label>
        <input id="q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="z. B. 0151 oder Müller" className={inputClass} />
      </div>
      <div>
        <label htmlFor="from" className={labelClass}>
          Von
        </label>
        <input id="from" name="from" type="date" defaultValue={query.from ?? ""} className={inputClass} />
      </div>
      <div>
        <label htmlFor="to" className={labelClass}>
          Bis
        </label>
        <input id="to" name="to" type="date" defaultValue={query.to ?? ""} className={inputClass} />
      </div>
      <div>
        <label htmlFor="outcome" className={labelClass}>
          Ergebnis
        </label>
        <select id="outcome" name="outcome" defaultValue={query.outcome ?? ""} className={inputClass}>
          <option value="">Alle</option>
          {Object.entries(OUTCOMES).map(([value, { label }]) => (
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

import Form from "next/form";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/ui/field";
import { FilterInput } from "@/components/ui/filter-fields";
import type { CustomerListQuery } from "@/lib/customers";

export function CustomerFilters({ query }: { query: CustomerListQuery }) {
  return (
    <Form
      action="/kunden"
      className="grid grid-cols-1 gap-3 border-b border-slate-100 p-5 sm:grid-cols-2 lg:grid-cols-4"
      role="search"
      aria-label="Kunden suchen"
    >
      <FilterInput
        name="q"
        type="search"
        label="Suche (Name oder Nummer)"
        value={query.q}
        placeholder="z. B. Krüger oder 0151 2345678"
        className="lg:col-span-2"
      />
      <div>
        <label htmlFor="show" className={labelClass}>
          Einträge
        </label>
        <select id="show" name="show" defaultValue={query.show ?? ""} className={inputClass}>
          <option value="">Nur aktuelle</option>
          <option value="all">Auch zusammengeführte und gelöschte</option>
        </select>
      </div>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Suchen
        </button>
        <Link href="/kunden" className={buttonClass("ghost")}>
          Zurücksetzen
        </Link>
      </div>
    </Form>
  );
}

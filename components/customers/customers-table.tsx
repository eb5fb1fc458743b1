"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable, type SortState } from "@/components/lists/data-table";
import { Badge } from "@/components/ui/badge";

export type CustomerRowView = {
  id: number;
  name: string;
  phone: string | null;
  email: string | null;
  appointments: number;
  next: string | null;
  lastVisit: string | null;
  noShows: number;
  state: "merged" | "erased" | null;
};

const dash = <span className="text-slate-500">–</span>;

const columns: ColumnDef<CustomerRowView>[] = [
  {
    id: "name",
    header: "Name",
    meta: { sortKey: "name" },
    cell: ({ row }) => (
      <div className="flex flex-wrap items-center gap-2">
        <Link href={`/kunden/${row.original.id}`} className="font-medium text-brand-700 hover:underline">
          {row.original.name}
        </Link>
        {row.original.state === "merged" ? <Badge>zusammengeführt</Badge> : null}
        {row.original.state === "erased" ? <Badge tone="red">gelöscht</Badge> : null}
      </div>
    ),
  },
  {
    id: "phone",
    header: "Telefon",
    meta: { className: "whitespace-nowrap tabular-nums" },
    cell: ({ row }) => row.original.phone ?? dash,
  },
  { id: "email", header: "E-Mail", cell: ({ row }) => row.original.email ?? dash },
  {
    id: "appointments",
    header: "Termine",
    meta: { sortKey: "appointments", className: "tabular-nums" },
    cell: ({ row }) => row.original.appointments,
  },
  {
    id: "next",
    header: "Nächster Termin",
    meta: { sortKey: "next", className: "whitespace-nowrap tabular-nums" },
    cell: ({ row }) => row.original.next ?? dash,
  },
  {
    id: "last_visit",
    header: "Letzter Besuch",
    meta: { sortKey: "last_visit", className: "whitespace-nowrap tabular-nums" },
    cell: ({ row }) => row.original.lastVisit ?? dash,
  },
  {
    id: "no_shows",
    header: "Nicht erschienen",
    meta: { sortKey: "no_shows", className: "tabular-nums" },
    cell: ({ row }) => (row.original.noShows ? <Badge tone="amber">{row.original.noShows}</Badge> : dash),
  },
];

export function CustomersTable({
  rows,
  sort,
  query,
}: {
  rows: CustomerRowView[];
  sort: SortState;
  query: Record<string, string>;
}) {
  return <DataTable columns={columns} data={rows} sort={sort} path="/kunden" query={query} rowLabel={(r) => r.name} />;
}

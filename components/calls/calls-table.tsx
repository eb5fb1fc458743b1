"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { ReviewBadge } from "@/components/appointments/badges";
import { SyncBadge } from "@/components/appointments/sync-badge";
import { DataTable, type SortState } from "@/components/lists/data-table";
import { OutcomeBadge, SentimentBadge } from "./badges";

export type CallRowView = {
  id: number;
  time: string;
  fromNumber: string;
  customerName: string | null;
  duration: string;
  outcome: string;
  inProgress: boolean;
  sentiment: string | null;
  appointments: { id: number; label: string; syncStatus: string; review: boolean; cancelled: boolean }[];
};

const columns: ColumnDef<CallRowView>[] = [
  {
    id: "started_at",
    header: "Zeit",
    meta: { sortKey: "started_at", className: "whitespace-nowrap tabular-nums" },
    cell: ({ row }) => (
      <Link href={`/calls/${row.original.id}`} className="font-medium text-brand-700 hover:underline">
        {row.original.time}
      </Link>
    ),
  },
  {
    id: "customer",
    header: "Anrufer",
    meta: { sortKey: "customer" },
    cell: ({ row }) => (
      <div>
        <div className="font-medium text-slate-900">{row.original.customerName ?? "Unbekannt"}</div>
        <div className="text-xs tabular-nums text-slate-500">{row.original.fromNumber}</div>
      </div>
    ),
  },
  {
    id: "duration",
    header: "Dauer",
    meta: { sortKey: "duration", className: "whitespace-nowrap tabular-nums" },
    cell: ({ row }) => row.original.duration,
  },
  {
    id: "outcome",
    header: "Ergebnis",
    cell: ({ row }) => <OutcomeBadge outcome={row.original.outcome} inProgress={row.original.inProgress} />,
  },
  { id: "sentiment", header: "Stimmung", cell: ({ row }) => <SentimentBadge sentiment={row.original.sentiment} /> },
  {
    id: "appointments",
    header: "Gebuchte Termine",
    cell: ({ row }) =>
      row.original.appointments.length === 0 ? (
        <span className="text-slate-500">–</span>
      ) : (
        <ul className="space-y-1">
          {row.original.appointments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-1.5">
              <Link
                href={`/appointments/${a.id}`}
                className={`hover:underline ${a.cancelled ? "text-slate-500 line-through" : "text-slate-800"}`}
              >
                {a.label}
              </Link>
              <SyncBadge status={a.syncStatus} />
              {a.review ? <ReviewBadge /> : null}
            </li>
          ))}
        </ul>
      ),
  },
];

export function CallsTable({
  rows,
  sort,
  query,
}: {
  rows: CallRowView[];
  sort: SortState;
  query: Record<string, string>;
}) {
  return (
    <DataTable
      columns={columns}
      data={rows}
      sort={sort}
      path="/calls"
      query={query}
      rowLabel={(r) => `Anruf ${r.time}`}
    />
  );
}

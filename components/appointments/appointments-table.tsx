"use client";

import { formatPhoneDe } from "@/lib/time";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable, type SortState } from "@/components/lists/data-table";
import { FollowUpBadge, ReviewBadge, StatusBadge, TypeBadge } from "./badges";
import { SyncBadge } from "./sync-badge";

export type AppointmentRowView = {
  id: number;
  date: string;
  time: string;
  customerName: string;
  customerPhone: string | null;
  service: string;
  composite: boolean;
  staffName: string;
  status: string;
  syncStatus: string;
  review: boolean;
  followUp: string | null;
};

const columns: ColumnDef<AppointmentRowView>[] = [
  {
    id: "starts_at",
    header: "Beginn",
    meta: { sortKey: "starts_at", className: "whitespace-nowrap tabular-nums" },
    cell: ({ row }) => (
      <Link href={`/appointments/${row.original.id}`} className="font-medium text-brand-700 hover:underline">
        {row.original.date}
        <span className="block text-xs font-normal text-slate-500">{row.original.time}</span>
      </Link>
    ),
  },
  {
    id: "customer",
    header: "Kunde",
    meta: { sortKey: "customer" },
    cell: ({ row }) => (
      <div>
        <div className="font-medium text-slate-900">{row.original.customerName}</div>
        {row.original.customerPhone ? (
          <div className="text-xs tabular-nums text-slate-500">{formatPhoneDe(row.original.customerPhone)}</div>
        ) : null}
      </div>
    ),
  },
  { id: "service", header: "Leistung", meta: { sortKey: "service" }, cell: ({ row }) => row.original.service },
  { id: "type", header: "Typ", cell: ({ row }) => <TypeBadge composite={row.original.composite} /> },
  { id: "staff", header: "Mitarbeiter", meta: { sortKey: "staff" }, cell: ({ row }) => row.original.staffName },
  {
    id: "status",
    header: "Status",
    cell: ({ row }) => (
      <div className="flex flex-wrap gap-1">
        <StatusBadge status={row.original.status} />
        {row.original.followUp ? <FollowUpBadge reason={row.original.followUp} /> : null}
      </div>
    ),
  },
  {
    id: "sync",
    header: "Cal.com",
    cell: ({ row }) => (
      <div className="flex flex-wrap gap-1">
        <SyncBadge status={row.original.syncStatus} appointmentStatus={row.original.status} />
        {row.original.review ? <ReviewBadge /> : null}
      </div>
    ),
  },
];

export function AppointmentsTable({
  rows,
  sort,
  query,
}: {
  rows: AppointmentRowView[];
  sort: SortState;
  query: Record<string, string>;
}) {
  return (
    <DataTable
      columns={columns}
      data={rows}
      sort={sort}
      path="/appointments"
      query={query}
      rowLabel={(r) => `Termin ${r.date} ${r.time}`}
    />
  );
}

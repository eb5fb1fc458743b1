"use client";

import { type ColumnDef, flexRender, getCoreRowModel, type RowData, useReactTable } from "@tanstack/react-table";
import Link from "next/link";
import { hrefWith } from "./href";

declare module "@tanstack/react-table" {
  // Declaration merging requires the library's own type parameters, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The list's `sort` parameter for this column; absent → not sortable. */
    sortKey?: string;
    className?: string;
  }
}

export type SortState = { key: string; dir: "asc" | "desc" };

/**
 * A server-paged table: rows, sorting and filters come from the URL and the server; headers link
 * to the same list sorted differently, so everything works without JavaScript too.
 */
export function DataTable<T>({
  columns,
  data,
  sort,
  path,
  query,
  rowLabel,
}: {
  // Each column's value type differs; react-table's own examples type a column list this way.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  data: T[];
  sort: SortState;
  path: string;
  query: Record<string, string>;
  rowLabel?: (row: T) => string;
}) {
  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    state: { sorting: [{ id: sort.key, desc: sort.dir === "desc" }] },
  });
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const active = meta?.sortKey === sort.key;
                const nextDir = active && sort.dir === "asc" ? "desc" : "asc";
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
                    className={`whitespace-nowrap bg-slate-50 px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 ${meta?.className ?? ""}`}
                  >
                    {meta?.sortKey ? (
                      <Link
                        href={hrefWith(path, query, { sort: meta.sortKey, dir: nextDir, page: undefined })}
                        className="inline-flex items-center gap-1 hover:text-slate-900"
                      >
                        {label}
                        <span aria-hidden className={active ? "text-brand-600" : "text-slate-300"}>
                          {active ? (sort.dir === "asc" ? "▲" : "▼") : "↕"}
                        </span>
                      </Link>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50" aria-label={rowLabel?.(row.original)}>
              {row.getVisibleCells().map((cell) => (
                <td
                  key={cell.id}
                  className={`px-4 py-3 align-top text-slate-700 ${cell.column.columnDef.meta?.className ?? ""}`}
                >
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

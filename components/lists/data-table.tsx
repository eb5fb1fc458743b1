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

/** On a phone each row becomes a card: every cell on its own line, led by its column's name. */
const CARD_TABLE = "max-sm:block";
const CARD_HEAD_ROW = "max-sm:flex max-sm:flex-wrap max-sm:bg-slate-50";
const CARD_ROW = "max-sm:block max-sm:py-2";
const CARD_CELL =
  "max-sm:flex max-sm:gap-3 max-sm:py-1 max-sm:before:w-24 max-sm:before:shrink-0 max-sm:before:pt-0.5 " +
  "max-sm:before:text-xs max-sm:before:font-semibold max-sm:before:text-slate-600 max-sm:before:content-[attr(data-label)]";

/**
 * A server-paged table: rows, sorting and filters come from the URL and the server; headers link
 * to the same list sorted differently, so everything works without JavaScript too. At phone width
 * the rows are cards (explicit table roles keep them a table for screen readers), and the sortable
 * headers stay as a row of sort links above them.
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
    <div className="relative overflow-x-auto" tabIndex={0}>
      <table role="table" className={`min-w-full divide-y divide-slate-200 text-sm ${CARD_TABLE}`}>
        <thead role="rowgroup" className={CARD_TABLE}>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} role="row" className={CARD_HEAD_ROW}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const active = meta?.sortKey === sort.key;
                const nextDir = active && sort.dir === "asc" ? "desc" : "asc";
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    role="columnheader"
                    aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
                    className={`whitespace-nowrap bg-slate-50 px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 ${meta?.className ?? ""} ${meta?.sortKey ? "max-sm:block" : "max-sm:hidden"}`}
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
        <tbody role="rowgroup" className={`divide-y divide-slate-100 ${CARD_TABLE}`}>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              role="row"
              className={`hover:bg-slate-50 ${CARD_ROW}`}
              aria-label={rowLabel?.(row.original)}
            >
              {row.getVisibleCells().map((cell) => (
                <td
                  key={cell.id}
                  role="cell"
                  data-label={typeof cell.column.columnDef.header === "string" ? cell.column.columnDef.header : ""}
                  className={`px-4 py-3 align-top text-slate-700 ${cell.column.columnDef.meta?.className ?? ""} ${CARD_CELL}`}
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

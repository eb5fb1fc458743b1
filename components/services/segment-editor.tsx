"use client";

import { segmentKeyLabel } from "@/components/appointments/badges";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { formatDurationDe } from "@/lib/time";

export type SegmentRow = { rowId: string; key: string; name: string; durationMinutes: string; staffRequired: boolean };

let counter = 0;
export const newRowId = () => `row-${Date.now().toString(36)}-${counter++}`;

/** A, B, C … for staff segments; GAP_1, GAP_2 … for processing gaps — the first key not yet taken. */
function nextKey(rows: SegmentRow[], gap: boolean): string {
  const taken = new Set(rows.map((r) => r.key.trim().toUpperCase()));
  for (let i = 0; i < 26 * 2; i++) {
    const key = gap ? `GAP_${i + 1}` : String.fromCharCode(65 + (i % 26)) + (i >= 26 ? "2" : "");
    if (!taken.has(key)) return key;
  }
  return "";
}

export function emptySegment(rows: SegmentRow[], gap: boolean): SegmentRow {
  return {
    rowId: newRowId(),
    key: nextKey(rows, gap),
    name: gap ? "Einwirkzeit" : "",
    durationMinutes: gap ? "15" : "",
    staffRequired: !gap,
  };
}

/** The ordered steps of a composite service: edit, add, remove and move rows; the form posts them in this order. */
export function SegmentEditor({ rows, onChange }: { rows: SegmentRow[]; onChange: (rows: SegmentRow[]) => void }) {
  const update = (index: number, patch: Partial<SegmentRow>) =>
    onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    onChange(next);
  };
  const minutes = rows.map((r) => Number(r.durationMinutes) || 0);
  const total = minutes.reduce((a, b) => a + b, 0);
  const gaps = rows.reduce((sum, r, i) => sum + (r.staffRequired ? 0 : minutes[i]!), 0);
  return (
    <div className="space-y-2">
      <div
        aria-hidden
        className="hidden grid-cols-[6rem_1fr_6rem_10rem_auto] gap-2 px-2 text-xs font-medium text-slate-500 sm:grid"
      >
        <span>Schlüssel</span>
        <span>Bezeichnung</span>
        <span>Minuten</span>
        <span>Mitarbeiter nötig</span>
        <span />
      </div>
      {rows.map((row, index) => (
        <fieldset
          key={row.rowId}
          className={`grid grid-cols-2 items-center gap-2 rounded-lg border p-2 sm:grid-cols-[6rem_1fr_6rem_10rem_auto] ${row.staffRequired ? "border-slate-200 bg-white" : "border-dashed border-slate-300 bg-slate-50"}`}
        >
          <legend className="sr-only">Segment {index + 1}</legend>
          <label className="sr-only" htmlFor={`${row.rowId}-key`}>
            Schlüssel
          </label>
          {/^GAP_\d+$/i.test(row.key) && !row.staffRequired ? (
            <span id={`${row.rowId}-key`} className="text-sm text-slate-600">
              {segmentKeyLabel(row.key)}
            </span>
          ) : (
            <input
              id={`${row.rowId}-key`}
              value={row.key}
              onChange={(e) => update(index, { key: e.target.value.toUpperCase() })}
              className={`${inputClass} font-mono`}
              maxLength={12}
            />
          )}
          <label className="sr-only" htmlFor={`${row.rowId}-name`}>
            Bezeichnung
          </label>
          <input
            id={`${row.rowId}-name`}
            value={row.name}
            onChange={(e) => update(index, { name: e.target.value })}
            className={inputClass}
            placeholder="z. B. Haare wickeln"
          />
          <label className="sr-only" htmlFor={`${row.rowId}-minutes`}>
            Minuten
          </label>
          <input
            id={`${row.rowId}-minutes`}
            value={row.durationMinutes}
            onChange={(e) => update(index, { durationMinutes: e.target.value })}
            className={inputClass}
            inputMode="numeric"
          />
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={row.staffRequired}
              onChange={(e) => update(index, { staffRequired: e.target.checked })}
              className="h-4 w-4 rounded border-slate-300"
            />
            Mitarbeiter nötig
            {!row.staffRequired ? <span className="text-xs text-slate-500">(Einwirkzeit)</span> : null}
          </label>
          <div className="col-span-2 flex gap-1 sm:col-span-1">
            <button
              type="button"
              aria-label="Nach oben"
              title="Nach oben"
              disabled={index === 0}
              onClick={() => move(index, -1)}
              className={buttonClass("ghost", "px-2")}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label="Nach unten"
              title="Nach unten"
              disabled={index === rows.length - 1}
              onClick={() => move(index, 1)}
              className={buttonClass("ghost", "px-2")}
            >
              ↓
            </button>
            <button
              type="button"
              aria-label="Entfernen"
              title="Entfernen"
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
              className={buttonClass("ghost", "px-2 text-red-700")}
            >
              ✕
            </button>
          </div>
        </fieldset>
      ))}
      <div className="flex flex-wrap items-center gap-2 pt-1">
        <button
          type="button"
          className={buttonClass("secondary")}
          onClick={() => onChange([...rows, emptySegment(rows, false)])}
        >
          Segment hinzufügen
        </button>
        <button
          type="button"
          className={buttonClass("secondary")}
          onClick={() => onChange([...rows, emptySegment(rows, true)])}
        >
          Einwirkzeit hinzufügen
        </button>
        <span className="text-sm text-slate-500">
          Gesamtdauer {formatDurationDe(total)}
          {gaps ? `, davon ${formatDurationDe(gaps)} Einwirkzeit` : ""}
        </span>
      </div>
    </div>
  );
}

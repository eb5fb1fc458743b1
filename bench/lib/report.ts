/** The table `npm run bench` prints; a goal that is missed says so. */

export type Row = { item: string; measure: string; result: string; goal?: string; met?: boolean };

export function formatTable(rows: Row[]): string {
  const cells = rows.map((r) => [
    r.item,
    r.measure,
    r.result,
    r.goal ?? "",
    r.met === undefined ? "" : r.met ? "erreicht" : "VERFEHLT",
  ]);
  const header = ["#", "Messung", "Ergebnis", "Ziel", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

export const ms = (v: number) => `${Number.isFinite(v) ? (v < 10 ? v.toFixed(1) : Math.round(v)) : "–"} ms`;

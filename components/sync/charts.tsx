import type { SeriesPoint } from "@/lib/calcom/sync";

const W = 560;
const H = 150;
const PAD = { left: 36, right: 8, top: 10, bottom: 24 };

/** Success rate (bars) and p50/p95 duration (lines) per bucket, drawn on the server as SVG. */
export function SyncChart({
  points,
  label,
  tickLabel,
}: {
  points: SeriesPoint[];
  label: string;
  tickLabel: (d: Date) => string;
}) {
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const step = innerW / Math.max(1, points.length);
  const maxMs = Math.max(1000, ...points.flatMap((p) => [p.p95 ?? 0, p.p50 ?? 0]));
  const y = (fraction: number) => PAD.top + innerH * (1 - fraction);
  const line = (key: "p50" | "p95") =>
    points
      .map((p, i) => (p[key] === null ? null : `${PAD.left + step * i + step / 2},${y(p[key]! / maxMs)}`))
      .filter(Boolean)
      .join(" ");
  const every = Math.ceil(points.length / 8);
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="h-auto w-full">
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(f)} y2={y(f)} stroke="#e2e8f0" />
            <text x={PAD.left - 4} y={y(f) + 3} textAnchor="end" fontSize="9" fill="#64748b">
              {Math.round(f * 100)} %
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <g key={p.bucket.toISOString()}>
            <title>{`${tickLabel(p.bucket)}: ${p.total ? `${Math.round((p.rate ?? 0) * 100)} % erfolgreich (${p.synced}/${p.total}), p50 ${Math.round(p.p50 ?? 0)} ms, p95 ${Math.round(p.p95 ?? 0)} ms` : "keine Syncs"}`}</title>
            {p.rate !== null ? (
              <rect
                x={PAD.left + step * i + step * 0.15}
                width={step * 0.7}
                y={y(p.rate)}
                height={innerH * p.rate}
                rx="2"
                fill={p.rate < 0.95 ? "#f59e0b" : "#2f8585"}
                opacity="0.85"
              />
            ) : (
              <rect x={PAD.left + step * i + step * 0.15} width={step * 0.7} y={y(0) - 1} height="1" fill="#cbd5e1" />
            )}
            {i % every === 0 ? (
              <text x={PAD.left + step * i + step / 2} y={H - 8} textAnchor="middle" fontSize="9" fill="#64748b">
                {tickLabel(p.bucket)}
              </text>
            ) : null}
          </g>
        ))}
        <polyline points={line("p50")} fill="none" stroke="#0f172a" strokeWidth="1.5" />
        <polyline points={line("p95")} fill="none" stroke="#dc2626" strokeWidth="1.5" strokeDasharray="4 3" />
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600">
        <span className="inline-flex items-center gap-1.5">
          <span className="h-3 w-3 rounded bg-brand-500" /> Erfolgsquote (gelb unter 95 %)
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="h-0.5 w-4 bg-slate-900" /> Dauer p50
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="h-0.5 w-4 border-t-2 border-dashed border-red-600" /> Dauer p95 (Skala bis{" "}
          {Math.round(maxMs / 100) / 10} s)
        </span>
      </figcaption>
    </figure>
  );
}

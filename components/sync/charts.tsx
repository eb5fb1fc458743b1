import type { SeriesPoint } from "@/lib/calcom/sync";

const W = 560;
const H = 150;
const PAD = { left: 36, right: 8, top: 10, bottom: 24 };

type Key = "p50" | "p95";

/**
 * Success rate (bars) and median / slow duration (lines) per bucket, drawn on the server as SVG.
 * Buckets without syncs break a line instead of bridging it, and every value gets a dot: with a few
 * syncs a day most buckets are empty, and a polyline of one point draws nothing.
 */
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
  const y = (fraction: number) => PAD.top + innerH * (1 - Math.min(1, Math.max(0, fraction)));
  const x = (i: number) => PAD.left + step * i + step / 2;
  const runs = (key: Key) => {
    const out: string[][] = [];
    let current: string[] = [];
    points.forEach((p, i) => {
      const v = p[key];
      if (v === null) {
        if (current.length) out.push(current);
        current = [];
      } else current.push(`${x(i)},${y(v / maxMs)}`);
    });
    if (current.length) out.push(current);
    return out;
  };
  const lines = (key: Key, stroke: string, dash?: string) =>
    runs(key).map((run) =>
      run.length > 1 ? (
        <polyline
          key={`${key}-${run[0]}`}
          points={run.join(" ")}
          fill="none"
          stroke={stroke}
          strokeWidth="1.5"
          strokeDasharray={dash}
        />
      ) : null,
    );
  const dots = (key: Key, fill: string) =>
    points.map((p, i) =>
      p[key] === null ? null : <circle key={`${key}-${i}`} cx={x(i)} cy={y(p[key]! / maxMs)} r="2.5" fill={fill} />,
    );
  const every = Math.ceil(points.length / 8);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1).replace(".", ",")} s`;
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
            <title>{`${tickLabel(p.bucket)}: ${p.total ? `${Math.round((p.rate ?? 0) * 100)} % erfolgreich (${p.synced} von ${p.total}), meist ${seconds(p.p50 ?? 0)}, langsamste ${seconds(p.p95 ?? 0)}` : "keine Abgleiche"}`}</title>
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
              <text x={x(i)} y={H - 8} textAnchor="middle" fontSize="9" fill="#64748b">
                {tickLabel(p.bucket)}
              </text>
            ) : null}
          </g>
        ))}
        {lines("p50", "#0f172a")}
        {lines("p95", "#dc2626", "4 3")}
        {dots("p50", "#0f172a")}
        {dots("p95", "#dc2626")}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600">
        <span className="inline-flex items-center gap-1.5">
          <span className="h-3 w-3 rounded bg-brand-500" /> Erfolgsquote (gelb unter 95 %)
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="h-0.5 w-4 bg-slate-900" /> Übliche Dauer (Median)
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="h-0.5 w-4 border-t-2 border-dashed border-red-600" /> Langsamste 5 % (Skala bis{" "}
          {seconds(maxMs)})
        </span>
      </figcaption>
    </figure>
  );
}

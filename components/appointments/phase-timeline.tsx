import { formatDurationDe, formatTimeDe } from "@/lib/time";
import { segmentKeyLabel } from "./badges";

type Phase = {
  id: number;
  segmentKey: string;
  segmentName: string;
  startTime: Date;
  endTime: Date;
  durationMinutes: number;
  staffRequired: boolean;
  calcomSyncStatus: string | null;
};

/**
 * The appointment's phases as bars to scale on one time axis: staff-required segments in the brand
 * colour, Einwirkzeit striped grey, ✓/✗ for synced/failed segments.
 */
export function PhaseTimeline({ phases, timeZone }: { phases: Phase[]; timeZone: string }) {
  if (phases.length === 0) return null;
  const start = phases[0]!.startTime.getTime();
  const end = phases[phases.length - 1]!.endTime.getTime();
  const total = Math.max(1, end - start);
  const minutes = Math.round(total / 60_000);
  const step = minutes > 180 ? 60 : minutes > 90 ? 30 : 15;
  const ticks = Array.from({ length: Math.floor(minutes / step) + 1 }, (_, i) => start + i * step * 60_000);
  const pct = (t: number) => `${((t - start) / total) * 100}%`;
  return (
    <figure className="px-5 py-4">
      <figcaption className="mb-3 text-sm text-slate-600">
        Gesamtdauer {formatDurationDe(minutes)} · {formatTimeDe(new Date(start), timeZone)}–
        {formatTimeDe(new Date(end), timeZone)} Uhr
      </figcaption>
      {/* On a phone each bar gets the full width under its name; from sm on, name · bar · minutes side by side. */}
      <div className="grid grid-cols-1 gap-x-3 px-3 sm:grid-cols-[13rem_1fr_4rem] sm:px-0">
        <div className="hidden sm:block" />
        <div className="relative mb-1 h-5 text-[11px] tabular-nums text-slate-500" aria-hidden>
          {ticks.map((t) => (
            <span key={t} className="absolute -translate-x-1/2" style={{ left: pct(t) }}>
              {formatTimeDe(new Date(t), timeZone)}
            </span>
          ))}
        </div>
        <div className="hidden sm:block" />
      </div>
      <ol aria-label="Zeitleiste" className="space-y-2 sm:space-y-1.5">
        {phases.map((p) => {
          const status = !p.staffRequired
            ? ""
            : p.calcomSyncStatus === "synced"
              ? " ✓"
              : p.calcomSyncStatus === "failed"
                ? " ✗"
                : "";
          return (
            <li
              key={p.id}
              aria-label={`${segmentKeyLabel(p.segmentKey)} ${p.segmentName}, ${formatTimeDe(p.startTime, timeZone)} bis ${formatTimeDe(p.endTime, timeZone)}, ${p.durationMinutes} Minuten${p.staffRequired ? "" : ", Einwirkzeit"}`}
              className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 sm:grid-cols-[13rem_1fr_4rem]"
            >
              <div className="col-start-1 row-start-1 truncate text-sm">
                <span className="mr-2 tabular-nums text-slate-500">{formatTimeDe(p.startTime, timeZone)}</span>
                <span className="font-medium text-slate-800">{p.segmentName}</span>
              </div>
              <div className="relative col-span-2 row-start-2 mx-3 h-7 rounded bg-slate-100 sm:col-span-1 sm:col-start-2 sm:row-start-1 sm:mx-0">
                {ticks.map((t) => (
                  <span key={t} aria-hidden className="absolute inset-y-0 w-px bg-white" style={{ left: pct(t) }} />
                ))}
                <div
                  data-segment={p.segmentKey}
                  className={`absolute inset-y-0 flex items-center overflow-hidden whitespace-nowrap rounded px-1.5 text-xs font-semibold ${
                    p.staffRequired
                      ? p.calcomSyncStatus === "failed"
                        ? "bg-red-700 text-white"
                        : "bg-brand-600 text-white"
                      : "bg-[repeating-linear-gradient(135deg,#cbd5e1_0,#cbd5e1_6px,#e2e8f0_6px,#e2e8f0_12px)] text-slate-600"
                  }`}
                  style={{
                    left: pct(p.startTime.getTime()),
                    width: pct(start + (p.endTime.getTime() - p.startTime.getTime())),
                  }}
                >
                  {segmentKeyLabel(p.segmentKey)}
                  {status}
                </div>
              </div>
              <div className="col-start-2 row-start-1 text-right text-xs tabular-nums text-slate-500 sm:col-start-3">
                {p.durationMinutes} min
              </div>
            </li>
          );
        })}
      </ol>
      <div className="mt-4 flex flex-wrap gap-4 text-xs text-slate-600">
        <span className="inline-flex items-center gap-1.5">
          <span className="h-3 w-3 rounded bg-brand-600" /> Mitarbeiter erforderlich (Cal.com-Buchung)
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="h-3 w-3 rounded bg-[repeating-linear-gradient(135deg,#cbd5e1_0,#cbd5e1_3px,#e2e8f0_3px,#e2e8f0_6px)]" />{" "}
          Einwirkzeit
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="h-3 w-3 rounded bg-red-700" /> Sync fehlgeschlagen
        </span>
        <span>✓ synchronisiert · ✗ fehlgeschlagen</span>
      </div>
    </figure>
  );
}

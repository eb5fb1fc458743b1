import Link from "next/link";
import { segmentKeyLabel, TypeBadge } from "@/components/appointments/badges";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { ServiceListRow } from "@/lib/catalog";
import { countDe, formatDurationDe, formatEuro } from "@/lib/time";

/** One service in the list: facts, who performs it and, for composite services, its segments in order. */
export function ServiceCard({ service: s }: { service: ServiceListRow }) {
  const facts = [
    formatDurationDe(s.durationMinutes),
    s.priceCents !== null ? formatEuro(s.priceCents) : "kein Preis",
    countDe(s.appointmentCount, "Termin", "Termine"),
  ];
  return (
    <Card className={s.active ? "" : "opacity-75"}>
      <CardHeader
        title={s.name}
        description={facts.join(" · ")}
        actions={
          <div className="flex items-center gap-2">
            {s.active ? null : <Badge tone="amber">Inaktiv</Badge>}
            <TypeBadge composite={s.composite} />
            <Link
              href={`/services/${s.id}`}
              aria-label={`${s.name} bearbeiten`}
              className="text-sm font-medium text-brand-700 hover:underline"
            >
              Bearbeiten
            </Link>
          </div>
        }
      />
      <dl className="space-y-1 px-5 py-3 text-sm">
        <div className="flex gap-2">
          <dt className="w-24 shrink-0 text-slate-500">Synonyme</dt>
          <dd className="text-slate-800">{s.synonyms.length ? s.synonyms.join(", ") : "–"}</dd>
        </div>
        <div className="flex gap-2">
          <dt className="w-24 shrink-0 text-slate-500">Mitarbeiter</dt>
          <dd className="text-slate-800">
            {s.staffNames.length ? s.staffNames.join(", ") : "niemand – nicht buchbar"}
          </dd>
        </div>
      </dl>
      {s.composite ? (
        <ol aria-label={`Segmente von ${s.name}`} className="divide-y divide-slate-100 border-t border-slate-100">
          {s.segments.map((seg) => (
            <li
              key={seg.id}
              className={`flex items-center gap-3 px-5 py-2 text-sm ${seg.staffRequired ? "" : "bg-slate-50 text-slate-500"}`}
            >
              <Badge tone={seg.staffRequired ? "brand" : "gray"}>{segmentKeyLabel(seg.key)}</Badge>
              <span className="flex-1">{seg.name}</span>
              <span className="tabular-nums text-slate-500">{seg.durationMinutes} min</span>
              {!seg.staffRequired ? <span className="text-xs text-slate-500">Einwirkzeit</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </Card>
  );
}

import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Td, Th } from "@/components/ui/table";
import type { EventTypeHealth, HealthRow } from "@/lib/calcom/event-type-health";

const HEALTH: Record<EventTypeHealth, { label: string; tone: BadgeTone }> = {
  ok: { label: "OK", tone: "green" },
  missing: { label: "Fehlt", tone: "amber" },
  managed_parent: { label: "Managed Parent – nicht buchbar", tone: "red" },
  wrong_length: { label: "Falsche Dauer", tone: "amber" },
  not_found: { label: "Unbekannt", tone: "red" },
};

export function HealthBadge({ status }: { status: EventTypeHealth }) {
  const entry = HEALTH[status];
  return <Badge tone={entry.tone}>{entry.label}</Badge>;
}

/** Segment × staff → Cal.com event type with its health; `withService` for the company-wide view. */
export function HealthTable({ rows, label, withService = false }: { rows: HealthRow[]; label: string; withService?: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table aria-label={label} className="min-w-full divide-y divide-slate-200 text-sm">
        <thead>
          <tr>
            {withService ? <Th>Service</Th> : null}
            <Th>Segment</Th>
            <Th>Dauer</Th>
            <Th>Mitarbeiter</Th>
            <Th>Ereignistyp</Th>
            <Th>Status</Th>
            <Th>Detail</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={`${r.serviceId}|${r.segmentKey}|${r.staffId}`}>
              {withService ? (
                <Td>
                  <Link href={`/services/${r.serviceId}`} className="text-brand-700 hover:underline">
                    {r.serviceName}
                  </Link>
                </Td>
              ) : null}
              <Td>
                <span className="inline-flex items-center gap-2">
                  <Badge tone="brand">{r.segmentKey}</Badge>
                  {r.segmentName}
                </span>
              </Td>
              <Td className="tabular-nums">{r.durationMinutes} min</Td>
              <Td>{r.staffName}</Td>
              <Td className="font-mono text-xs">{r.eventTypeId ?? "–"}</Td>
              <Td>
                <HealthBadge status={r.status} />
              </Td>
              <Td className="text-xs text-slate-500">{r.detail}</Td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

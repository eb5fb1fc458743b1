import { segmentKeyLabel } from "@/components/appointments/badges";
import { reword } from "@/components/ui/calcom-messages-de";
import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Td, Th } from "@/components/ui/table";
import type { EventTypeHealth, HealthRow, WebhookHealth } from "@/lib/calcom/provisioning";

type Label = { label: string; tone: BadgeTone };

const HEALTH: Record<EventTypeHealth, Label> = {
  ok: { label: "OK", tone: "green" },
  missing: { label: "Fehlt", tone: "amber" },
  managed_parent: { label: "Verwalteter Event-Typ – nicht buchbar", tone: "red" },
  wrong_length: { label: "Falsche Dauer", tone: "amber" },
  wrong_settings: { label: "Einstellungen falsch", tone: "amber" },
  not_found: { label: "Unbekannt", tone: "red" },
};

// "Eingerichtet", not "OK": a row must show one "OK", the event type's.
const WEBHOOK: Record<WebhookHealth, Label> = {
  ok: { label: "Eingerichtet", tone: "green" },
  missing: { label: "Webhook fehlt", tone: "red" },
  inactive: { label: "Ausgeschaltet", tone: "amber" },
  wrong_url: { label: "Falsche Adresse", tone: "red" },
  wrong_secret: { label: "Falsches Secret", tone: "red" },
  missing_triggers: { label: "Auslöser fehlen", tone: "amber" },
  unknown: { label: "Nicht prüfbar", tone: "gray" },
  unchecked: { label: "–", tone: "gray" },
};

export function HealthBadge({ status }: { status: EventTypeHealth }) {
  const entry = HEALTH[status];
  return <Badge tone={entry.tone}>{entry.label}</Badge>;
}

export function WebhookBadge({ status, detail }: { status: WebhookHealth; detail?: string }) {
  const entry = WEBHOOK[status];
  return (
    <Badge tone={entry.tone} title={detail}>
      {entry.label}
    </Badge>
  );
}

function Detail({ row }: { row: HealthRow }) {
  const hook = row.webhook.status === "ok" || row.webhook.status === "unchecked" ? null : row.webhook.detail;
  return (
    <Td className="text-xs text-slate-500">
      {row.problems.length > 1 ? (
        <ul className="list-disc pl-4">
          {row.problems.map((p) => (
            <li key={p}>{reword(p)}</li>
          ))}
        </ul>
      ) : (
        reword(row.detail)
      )}
      {hook ? <p className="mt-1 text-slate-600">{reword(hook)}</p> : null}
    </Td>
  );
}

/** Segment × staff → Cal.com event type with its health and webhook; `withService` for the company-wide view. */
type TableProps = { rows: HealthRow[]; label: string; withService?: boolean };

export function HealthTable({ rows, label, withService = false }: TableProps) {
  return (
    <div className="relative overflow-x-auto" tabIndex={0}>
      <table aria-label={label} className="min-w-full divide-y divide-slate-200 text-sm">
        <thead>
          <tr>
            {withService ? <Th>Leistung</Th> : null}
            <Th>Segment</Th>
            <Th>Dauer</Th>
            <Th>Mitarbeiter</Th>
            <Th>Event-Typ</Th>
            <Th>Status</Th>
            <Th>Webhook</Th>
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
                  <Badge tone="brand">{segmentKeyLabel(r.segmentKey)}</Badge>
                  {r.segmentName}
                </span>
              </Td>
              <Td className="tabular-nums">{r.durationMinutes} min</Td>
              <Td>{r.staffName}</Td>
              <Td className="font-mono text-xs">
                {r.eventTypeId ?? "–"}
                {r.managedChild ? (
                  <span className="ml-1 font-sans text-slate-500">(aus verwaltetem Event-Typ)</span>
                ) : null}
              </Td>
              <Td>
                <HealthBadge status={r.status} />
              </Td>
              <Td>
                <WebhookBadge status={r.webhook.status} detail={r.webhook.detail} />
              </Td>
              <Detail row={r} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

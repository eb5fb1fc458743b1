import { segmentKeyLabel } from "@/components/appointments/badges";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Td, Th } from "@/components/ui/table";
import type { ProvisionStep, WebhookStep } from "@/lib/calcom/provisioning";
import { HealthBadge } from "./health-table";

const ACTION: Record<ProvisionStep["action"], { label: string; tone: BadgeTone }> = {
  create: { label: "Anlegen", tone: "brand" },
  reuse: { label: "Wiederverwenden", tone: "blue" },
  update: { label: "Korrigieren", tone: "amber" },
  skip: { label: "Überspringen", tone: "gray" },
};

const HOOK_ACTION: Record<WebhookStep["action"], { label: string; tone: BadgeTone }> = {
  register: { label: "Einrichten", tone: "brand" },
  repair: { label: "Reparieren", tone: "amber" },
  keep: { label: "Unverändert", tone: "green" },
  skip: { label: "Überspringen", tone: "gray" },
};

/** The event-type part of the dry run: one row per segment × staff that is not OK today. */
export function ProvisionPlanTable({ steps }: { steps: ProvisionStep[] }) {
  return (
    <div className="relative overflow-x-auto" tabIndex={0}>
      <table aria-label="Provisionierungsplan" className="min-w-full divide-y divide-slate-200 text-sm">
        <thead>
          <tr>
            <Th>Leistung</Th>
            <Th>Segment</Th>
            <Th>Mitarbeiter</Th>
            <Th>Dauer</Th>
            <Th>Heute</Th>
            <Th>Aktion</Th>
            <Th>Warum</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {steps.map((s) => (
            <tr key={`${s.serviceId}|${s.segmentKey}|${s.staffId}`}>
              <Td>{s.serviceName}</Td>
              <Td>{`${segmentKeyLabel(s.segmentKey)} · ${s.segmentName}`}</Td>
              <Td>{s.staffName}</Td>
              <Td className="tabular-nums">{s.durationMinutes} min</Td>
              <Td>
                <HealthBadge status={s.status} />
              </Td>
              <Td>
                <Badge tone={ACTION[s.action].tone}>{ACTION[s.action].label}</Badge>
              </Td>
              <Td className="text-xs text-slate-500">{s.reason}</Td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The webhook part: one row per event type whose webhook would be registered, repaired or skipped. */
export function WebhookPlanTable({ steps }: { steps: WebhookStep[] }) {
  return (
    <div className="relative overflow-x-auto" tabIndex={0}>
      <table aria-label="Webhook-Plan" className="min-w-full divide-y divide-slate-200 text-sm">
        <thead>
          <tr>
            <Th>Event-Typ</Th>
            <Th>Für</Th>
            <Th>Aktion</Th>
            <Th>Warum</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {steps.map((s) => (
            <tr key={s.eventTypeId}>
              <Td>
                <span className="font-mono text-xs">{s.eventTypeId}</span> {s.title}
              </Td>
              <Td className="text-xs text-slate-600">{s.mappings.join("; ")}</Td>
              <Td>
                <Badge tone={HOOK_ACTION[s.action].tone}>{HOOK_ACTION[s.action].label}</Badge>
              </Td>
              <Td className="text-xs text-slate-500">{s.reason}</Td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { Badge, type BadgeTone } from "@/components/ui/badge";

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  confirmed: { label: "Bestätigt", tone: "blue" },
  completed: { label: "Erschienen", tone: "green" },
  cancelled: { label: "Storniert", tone: "gray" },
  no_show: { label: "Nicht erschienen", tone: "amber" },
};

export const STATUS_LABELS = Object.fromEntries(Object.entries(STATUS).map(([k, v]) => [k, v.label]));

export function StatusBadge({ status }: { status: string }) {
  const entry = STATUS[status] ?? { label: status, tone: "gray" as const };
  return <Badge tone={entry.tone}>{entry.label}</Badge>;
}

export function TypeBadge({ composite }: { composite: boolean }) {
  return composite ? <Badge tone="violet">Compound</Badge> : <Badge>Standard</Badge>;
}

export function ReviewBadge() {
  return (
    <Badge tone="red" title="Manuelle Prüfung nötig">
      ⚑ Prüfen
    </Badge>
  );
}

/** An absence or closure entered later collides with the appointment: nothing was cancelled, someone calls. */
export function FollowUpBadge({ reason }: { reason: string }) {
  return (
    <Badge tone="amber" title={reason}>
      ☎ Anrufen
    </Badge>
  );
}

export function SegmentKey({ value, staffRequired }: { value: string; staffRequired: boolean }) {
  return <Badge tone={staffRequired ? "brand" : "gray"}>{value}</Badge>;
}

/** "Dauerwelle (4 Segmente)" for composite services, the plain name otherwise. */
export const serviceLabel = (name: string, composite: boolean, segments: number) =>
  composite ? `${name} (${segments} Segmente)` : name;

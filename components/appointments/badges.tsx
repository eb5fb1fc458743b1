import { Badge, type BadgeTone } from "@/components/ui/badge";
import { countDe } from "@/lib/time";

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
  return composite ? <Badge tone="violet">Kombi-Leistung</Badge> : <Badge>Einzelleistung</Badge>;
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

/** "GAP_1" → "Einwirkzeit 1": segment keys of processing gaps are never shown raw; A, B … stay. */
export const segmentKeyLabel = (key: string) => key.replace(/^GAP_(\d+)$/i, "Einwirkzeit $1");

export function SegmentKey({ value, staffRequired }: { value: string; staffRequired: boolean }) {
  return <Badge tone={staffRequired ? "brand" : "gray"}>{segmentKeyLabel(value)}</Badge>;
}

/** "Dauerwelle (4 Segmente)" for composite services, the plain name otherwise. */
export const serviceLabel = (name: string, composite: boolean, segments: number) =>
  composite ? `${name} (${countDe(segments, "Segment", "Segmente")})` : name;

import { Badge, type BadgeTone } from "@/components/ui/badge";

const LABELS: Record<string, { label: string; tone: BadgeTone }> = {
  synced: { label: "Synchronisiert", tone: "green" },
  pending: { label: "Ausstehend", tone: "amber" },
  partial: { label: "Teilweise", tone: "amber" },
  failed: { label: "Fehlgeschlagen", tone: "red" },
  cancelled: { label: "Storniert", tone: "gray" },
};

export function SyncBadge({ status }: { status: string | null }) {
  if (!status) return <Badge tone="gray">–</Badge>;
  const entry = LABELS[status] ?? { label: status, tone: "gray" as const };
  return <Badge tone={entry.tone}>{entry.label}</Badge>;
}

import { Badge, type BadgeTone } from "@/components/ui/badge";

const LABELS: Record<string, { label: string; tone: BadgeTone }> = {
  synced: { label: "Synchronisiert", tone: "green" },
  pending: { label: "Ausstehend", tone: "amber" },
  partial: { label: "Teilweise", tone: "amber" },
  failed: { label: "Fehlgeschlagen", tone: "red" },
  cancelled: { label: "Storniert", tone: "gray" },
};

/** The sync states an appointment list can be filtered by. */
export const SYNC_FILTER_OPTIONS: [string, string][] = (["synced", "pending", "partial", "failed"] as const).map(
  (s) => [s, LABELS[s]!.label],
);

export function SyncBadge({ status }: { status: string | null }) {
  if (!status) return <Badge tone="gray">–</Badge>;
  const entry = LABELS[status] ?? { label: status, tone: "gray" as const };
  return <Badge tone={entry.tone}>{entry.label}</Badge>;
}

import { Badge, type BadgeTone } from "@/components/ui/badge";

type Label = { label: string; tone: BadgeTone };

const LABELS: Record<string, Label> = {
  synced: { label: "Synchronisiert", tone: "green" },
  pending: { label: "Ausstehend", tone: "amber" },
  partial: { label: "Teilweise", tone: "amber" },
  failed: { label: "Fehlgeschlagen", tone: "red" },
  // A phase whose booking was cancelled in Cal.com.
  cancelled: { label: "In Cal.com storniert", tone: "gray" },
};

/** A cancelled appointment's sync is its cancellation in Cal.com: never a green "Synchronisiert". */
const CANCELLATION: Record<string, Label> = {
  synced: { label: "In Cal.com storniert", tone: "gray" },
  pending: { label: "Stornierung ausstehend", tone: "amber" },
  partial: { label: "Stornierung fehlgeschlagen", tone: "red" },
  failed: { label: "Stornierung fehlgeschlagen", tone: "red" },
  cancelled: { label: "In Cal.com storniert", tone: "gray" },
};

/** The sync states an appointment list can be filtered by. */
export const SYNC_FILTER_OPTIONS: [string, string][] = (["synced", "pending", "partial", "failed"] as const).map(
  (s) => [s, LABELS[s]!.label],
);

export function syncLabel(status: string, appointmentStatus?: string | null): Label {
  const table = appointmentStatus === "cancelled" ? CANCELLATION : LABELS;
  return table[status] ?? { label: "Unbekannt", tone: "gray" };
}

/** Pass the appointment's status where it is known, so a cancelled one shows its Cal.com cancellation. */
export function SyncBadge({ status, appointmentStatus }: { status: string | null; appointmentStatus?: string | null }) {
  if (!status) return <Badge tone="gray">–</Badge>;
  const { label, tone } = syncLabel(status, appointmentStatus);
  return <Badge tone={tone}>{label}</Badge>;
}

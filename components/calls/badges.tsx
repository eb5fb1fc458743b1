import { Badge, type BadgeTone } from "@/components/ui/badge";

export const OUTCOMES: Record<string, { label: string; tone: BadgeTone }> = {
  booked: { label: "Gebucht", tone: "green" },
  rescheduled: { label: "Verschoben", tone: "blue" },
  cancelled: { label: "Storniert", tone: "gray" },
  no_booking: { label: "Kein Termin", tone: "amber" },
  info: { label: "Auskunft", tone: "gray" },
};

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const entry = OUTCOMES[outcome] ?? { label: outcome, tone: "gray" as const };
  return <Badge tone={entry.tone}>{entry.label}</Badge>;
}

const SENTIMENTS: Record<string, { label: string; tone: BadgeTone }> = {
  Positive: { label: "Positiv", tone: "green" },
  Neutral: { label: "Neutral", tone: "gray" },
  Negative: { label: "Negativ", tone: "red" },
};

export function SentimentBadge({ sentiment }: { sentiment: string | null }) {
  if (!sentiment || !SENTIMENTS[sentiment]) return <span className="text-slate-400">–</span>;
  return <Badge tone={SENTIMENTS[sentiment].tone}>{SENTIMENTS[sentiment].label}</Badge>;
}

export const formatSeconds = (seconds: number | null) =>
  seconds === null ? "–" : `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")} min`;

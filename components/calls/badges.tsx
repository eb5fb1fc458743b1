import { Badge, type BadgeTone } from "@/components/ui/badge";

export const OUTCOMES: Record<string, { label: string; tone: BadgeTone }> = {
  booked: { label: "Gebucht", tone: "green" },
  rescheduled: { label: "Verschoben", tone: "blue" },
  cancelled: { label: "Storniert", tone: "gray" },
  no_booking: { label: "Kein Termin", tone: "amber" },
  info: { label: "Auskunft", tone: "gray" },
};

const IN_PROGRESS = { label: "Läuft gerade", tone: "blue" as const };

/** A call still going on has no outcome yet: "Läuft gerade", never "Kein Termin". */
export function OutcomeBadge({ outcome, inProgress = false }: { outcome: string; inProgress?: boolean }) {
  const entry = inProgress ? IN_PROGRESS : (OUTCOMES[outcome] ?? { label: "Unbekannt", tone: "gray" as const });
  return <Badge tone={entry.tone}>{entry.label}</Badge>;
}

const SENTIMENTS: Record<string, { label: string; tone: BadgeTone }> = {
  Positive: { label: "Positiv", tone: "green" },
  Neutral: { label: "Neutral", tone: "gray" },
  Negative: { label: "Negativ", tone: "red" },
};

export function SentimentBadge({ sentiment }: { sentiment: string | null }) {
  if (!sentiment || !SENTIMENTS[sentiment]) return <span className="text-slate-500">–</span>;
  return <Badge tone={SENTIMENTS[sentiment].tone}>{SENTIMENTS[sentiment].label}</Badge>;
}

export const formatSeconds = (seconds: number | null) =>
  seconds === null ? "–" : `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")} min`;

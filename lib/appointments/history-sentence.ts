import type { appointmentEvents } from "../db";
import { formatDateDe, formatTimeDe, weekdayDe } from "../time";

type EventRow = typeof appointmentEvents.$inferSelect;

export const STATUS_DE: Record<string, string> = {
  confirmed: "Offen",
  completed: "Erschienen",
  no_show: "Nicht erschienen",
  cancelled: "Storniert",
};

const SYNC_DE: Record<string, string> = {
  pending: "ausstehend",
  synced: "abgeglichen",
  partial: "teilweise abgeglichen",
  failed: "fehlgeschlagen",
};

/** "Di, 03.03. 10:00" in the salon's zone. */
export const shortWhen = (at: Date, timeZone: string) =>
  `${weekdayDe(at, timeZone).slice(0, 2)}, ${formatDateDe(at, timeZone).slice(0, 6)} ${formatTimeDe(at, timeZone)}`;

/** Who acted, as a history line names them: the admin, the call, Cal.com, the system. */
export function actorDe(e: Pick<EventRow, "actor" | "actorLabel" | "callId">): string {
  switch (e.actor) {
    case "admin":
      return e.actorLabel ?? "einem Admin";
    case "voice":
      return e.callId ? `Anruf #${e.callId}` : "Anruf";
    case "calcom":
      return "Cal.com";
    case "job":
      return "automatisch";
    default:
      return "System";
  }
}

/** One German sentence per history line; staff ids become their display labels. */
export function historySentence(e: EventRow, timeZone: string, staffName: (id: string | null) => string): string {
  const who = actorDe(e);
  const note = e.note ? ` – Notiz: ${e.note}` : "";
  switch (e.kind) {
    case "created":
      if (e.actor === "voice") return `Angelegt über ${who}`;
      if (e.actor === "admin") return `Angelegt von ${who}`;
      if (e.actor === "calcom") return "Angelegt aus Cal.com";
      return "Angelegt vom System";
    case "moved": {
      const from = e.fromStartsAt ? shortWhen(e.fromStartsAt, timeZone) : "?";
      const to = e.toStartsAt ? shortWhen(e.toStartsAt, timeZone) : "?";
      const staff =
        e.fromStaffId && e.toStaffId && e.fromStaffId !== e.toStaffId
          ? ` (${staffName(e.fromStaffId)} → ${staffName(e.toStaffId)})`
          : "";
      return `Verschoben von ${from} auf ${to}${staff}${by(e, who)}`;
    }
    case "reassigned":
      return `Mitarbeiter gewechselt: ${staffName(e.fromStaffId)} → ${staffName(e.toStaffId)}${by(e, who)}`;
    case "cancelled":
      if (e.actor === "admin") return `Abgesagt von ${who} im Admin-Bereich${note}`;
      if (e.actor === "voice") return `Abgesagt vom Anrufer in ${who}${note}`;
      if (e.actor === "calcom") return `Abgesagt in Cal.com${note}`;
      return `Abgesagt vom System${note}`;
    case "status":
      return `Status: ${STATUS_DE[e.toStatus ?? ""] ?? e.toStatus} (${who})`;
    case "sync":
      // The note is already a German sentence about Cal.com ("Mit Cal.com abgeglichen: 2 Buchungen").
      return `${e.note ?? `Cal.com: ${SYNC_DE[e.toStatus ?? ""] ?? "Abgleich"}`}${e.actor === "admin" ? ` (geprüft von ${who})` : ""}`;
    case "note":
      return `Notiz von ${who}: ${e.note ?? ""}`;
  }
}

const by = (e: Pick<EventRow, "actor">, who: string) =>
  e.actor === "voice"
    ? ` – im ${who}`
    : e.actor === "admin"
      ? ` – durch ${who}`
      : e.actor === "calcom"
        ? " – in Cal.com"
        : "";

import { CalcomError } from "..";

/** One German sentence for the operator about a failed Cal.com request (the original stays in the logs). */
export function explainCalcomError(error: unknown): string {
  if (!(error instanceof CalcomError)) return error instanceof Error ? error.message : String(error);
  switch (error.kind) {
    case "not_connected":
      return error.message;
    case "auth":
      return "Cal.com hat den API-Schlüssel abgelehnt. Bitte den Schlüssel in den Einstellungen prüfen.";
    case "network":
      return "Cal.com ist unter der eingetragenen Adresse nicht erreichbar.";
    case "timeout":
      return "Cal.com hat nicht rechtzeitig geantwortet.";
    case "rate_limited":
      return "Cal.com hat zu viele Anfragen gemeldet (Rate-Limit). Bitte in einer Minute erneut versuchen.";
    case "server":
      return `Cal.com hatte einen internen Fehler (HTTP ${error.httpStatus}).`;
    case "conflict":
      return "Cal.com meldet die Zeit als belegt.";
    case "notice":
      return "Cal.com lehnt die Zeit wegen der Mindestvorlaufzeit des Ereignistyps ab. Bitte unter Services provisionieren.";
    case "attendee":
      return "Cal.com hat die Kontaktdaten des Teilnehmers abgelehnt.";
    case "managed_parent":
      return "Der Ereignistyp ist ein übergeordneter verwalteter Ereignistyp und nicht buchbar.";
    case "event_type_not_found":
    case "not_found":
      return "Cal.com kennt den angefragten Eintrag nicht (Team, Ereignistyp oder Buchung).";
    default:
      return `Cal.com hat die Anfrage abgelehnt (HTTP ${error.httpStatus ?? "–"}).`;
  }
}

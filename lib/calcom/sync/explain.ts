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
      return "Cal.com lehnt die Zeit wegen der Mindestvorlaufzeit des Event-Typs ab. Bitte unter Leistungen provisionieren.";
    case "attendee":
      return "Cal.com hat die Kontaktdaten des Teilnehmers abgelehnt.";
    case "managed_parent":
      return "Der Event-Typ ist ein verwalteter Event-Typ und nicht buchbar.";
    case "event_type_not_found":
    case "not_found":
      return "Cal.com kennt den angefragten Eintrag nicht (Team, Event-Typ oder Buchung).";
    default:
      return `Cal.com hat die Anfrage abgelehnt (HTTP ${error.httpStatus ?? "–"}).`;
  }
}

export type SyncCauseKey =
  "conflict" | "event_type" | "access" | "unreachable" | "rate_limit" | "customer" | "missing" | "other";

export type SyncCause = {
  key: SyncCauseKey;
  label: string;
  todo: string;
  link: { href: string; label: string } | null;
};

const CAUSES: Record<SyncCauseKey, Omit<SyncCause, "key">> = {
  conflict: {
    label: "Konflikt im Kalender",
    todo: "Die Zeit ist in Cal.com schon belegt. Die andere Buchung in Cal.com klären oder den Termin verschieben.",
    link: { href: "/kalender", label: "Kalender öffnen" },
  },
  event_type: {
    label: "Event-Typ falsch zugeordnet",
    todo: "Unter Leistungen die Cal.com-Event-Typen prüfen und neu zuordnen, dann „Erneut synchronisieren“.",
    link: { href: "/services", label: "Leistungen öffnen" },
  },
  access: {
    label: "Zugang abgelehnt",
    todo: "Cal.com ist nicht verbunden oder hat den API-Schlüssel abgelehnt. Schlüssel in den Einstellungen prüfen.",
    link: { href: "/settings", label: "Einstellungen öffnen" },
  },
  unreachable: {
    label: "Cal.com nicht erreichbar",
    todo: "Meist vorübergehend: SlotDesk versucht es selbst erneut. Bleibt es dabei, die Cal.com-Adresse prüfen.",
    link: { href: "/settings", label: "Einstellungen öffnen" },
  },
  rate_limit: {
    label: "Rate-Limit",
    todo: "Cal.com hat kurz zu viele Anfragen abgewiesen. Nichts zu tun: SlotDesk wartet und versucht es erneut.",
    link: null,
  },
  customer: {
    label: "Kundendaten abgelehnt",
    todo: "Cal.com braucht eine gültige E-Mail-Adresse des Kunden. Kundendaten prüfen, dann erneut synchronisieren.",
    link: { href: "/kunden", label: "Kunden öffnen" },
  },
  missing: {
    label: "Buchung fehlt in Cal.com",
    todo: "Die Buchung fehlt in Cal.com oder steht dort noch zur alten Zeit. In der Prüfliste „Erneut synchronisieren“.",
    link: { href: "/sync#pruefliste", label: "Zur Prüfliste" },
  },
  other: {
    label: "Sonstiges",
    todo: "Die Meldung beim Termin ansehen. Tritt sie immer wieder auf, den Support informieren.",
    link: null,
  },
};

const CAUSE_OF_CODE: Record<string, SyncCauseKey> = {
  calcom_conflict: "conflict",
  calcom_managed_parent: "event_type",
  calcom_event_type_missing: "event_type",
  mapping_missing: "event_type",
  calcom_notice: "event_type",
  calcom_auth: "access",
  calcom_not_connected: "access",
  calcom_unreachable: "unreachable",
  calcom_rate_limited: "rate_limit",
  calcom_attendee: "customer",
  calcom_missing: "missing",
  calcom_stale: "missing",
  calcom_still_active: "missing",
};

/** The cause an operator can act on, from a stored sync error code (sync_runs / appointments.sync_error_code). */
export function syncCause(code: string | null | undefined): SyncCause {
  const key = (code && CAUSE_OF_CODE[code]) || "other";
  return { key, ...CAUSES[key] };
}

/** Causes neither re-verification nor a plain retry can cure: someone has to change the setup first. */
const STRUCTURAL_CODES = new Set([
  "calcom_managed_parent",
  "mapping_missing",
  "calcom_event_type_missing",
  "calcom_auth",
  "calcom_not_connected",
  "calcom_notice",
  "calcom_attendee",
]);

export const isStructuralCause = (code: string | null | undefined): code is string =>
  !!code && STRUCTURAL_CODES.has(code);

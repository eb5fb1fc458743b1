import { CalcomError, type CalcomBooking } from "..";
import { formatDateTimeDe, formatTimeDe } from "../../time";

export type PhaseFailure = { code: string; message: string; retryable: boolean; outcomeUnknown: boolean };

/** German text for the admin, and whether trying again can help. */
export function describeFailure(
  error: unknown,
  ctx: { segment: string; staff: string; eventTypeId: number | null },
): PhaseFailure {
  if (!(error instanceof CalcomError)) {
    return {
      code: "sync_error",
      message: `Unerwarteter Fehler beim Abgleich: ${error instanceof Error ? error.message : String(error)}`,
      retryable: true,
      outcomeUnknown: true,
    };
  }
  switch (error.kind) {
    case "managed_parent":
      return {
        code: "calcom_managed_parent",
        message: `Der Cal.com-Event-Typ ${ctx.eventTypeId} ist ein verwalteter Event-Typ und kann nicht gebucht werden. Bitte unter Leistungen die Event-Typen provisionieren.`,
        retryable: false,
        outcomeUnknown: false,
      };
    case "auth":
      return {
        code: "calcom_auth",
        message: `Cal.com hat den API-Schlüssel abgelehnt (HTTP ${error.httpStatus}). Bitte den Schlüssel in den Einstellungen prüfen.`,
        retryable: false,
        outcomeUnknown: false,
      };
    case "event_type_not_found":
      return {
        code: "calcom_event_type_missing",
        message: `Cal.com kennt den Event-Typ ${ctx.eventTypeId} nicht. Bitte die Zuordnung für „${ctx.segment}“ prüfen.`,
        retryable: false,
        outcomeUnknown: false,
      };
    case "conflict":
      return {
        code: "calcom_conflict",
        message: `Cal.com meldet, dass ${ctx.staff} zu dieser Zeit schon belegt ist.`,
        retryable: false,
        outcomeUnknown: true,
      };
    case "notice":
      return {
        code: "calcom_notice",
        message: `Cal.com lehnt so kurzfristige Buchungen ab (Mindestvorlaufzeit des Event-Typs ${ctx.eventTypeId}). Unter Leistungen die Event-Typen prüfen und provisionieren: SlotDesk entscheidet die Vorlaufzeit selbst.`,
        retryable: false,
        outcomeUnknown: false,
      };
    case "attendee":
      return {
        code: "calcom_attendee",
        message:
          "Cal.com hat die Kontaktdaten des Kunden abgelehnt (E-Mail-Adresse fehlt oder ist ungültig). Bitte die E-Mail-Adresse des Kunden prüfen.",
        retryable: false,
        outcomeUnknown: false,
      };
    case "not_connected":
      return notConnected(error.message);
    case "rate_limited":
      return {
        code: "calcom_rate_limited",
        message: "Cal.com hat kurzzeitig zu viele Anfragen abgewiesen (Rate-Limit). SlotDesk versucht es erneut.",
        retryable: true,
        outcomeUnknown: true,
      };
    case "validation":
    case "already_cancelled":
    case "not_found":
      return {
        code: "calcom_rejected",
        message: `Cal.com hat die Buchung abgelehnt: ${error.message}`,
        retryable: false,
        outcomeUnknown: false,
      };
    default:
      return {
        code: "calcom_unreachable",
        message: `Cal.com war nicht erreichbar oder gestört (${error.message}).`,
        retryable: true,
        outcomeUnknown: true,
      };
  }
}

/** Retrying cannot connect Cal.com: the admin has to enter its URL and key. */
export const notConnected = (message: string): PhaseFailure => ({
  code: "calcom_not_connected",
  message,
  retryable: false,
  outcomeUnknown: false,
});

export const missingMapping = (segment: string, key: string, service: string, staff: string): PhaseFailure => ({
  code: "mapping_missing",
  message: `Für „${segment}“ (${key}) von ${service} bei ${staff} ist kein Cal.com-Event-Typ hinterlegt.`,
  retryable: false,
  outcomeUnknown: false,
});

/** A conflict with the booking that actually blocks the time, so the admin knows what to resolve. */
export function conflictWith(
  blocker: CalcomBooking,
  ctx: { staff: string; segment: string; timeZone: string },
): PhaseFailure {
  const ours = blocker.metadata?.crm_appointment_id
    ? `Termin ${String(blocker.metadata.crm_appointment_id)} von SlotDesk`
    : null;
  const who = ours ?? `${blocker.attendees?.[0]?.name ?? "unbekannt"}, direkt in Cal.com gebucht`;
  const when = `${formatDateTimeDe(new Date(blocker.start), ctx.timeZone)}–${formatTimeDe(new Date(blocker.end), ctx.timeZone)}`;
  return {
    code: "calcom_conflict",
    message: `„${ctx.segment}“: ${ctx.staff} ist in Cal.com zu dieser Zeit schon belegt (${who}, ${when}). Bitte in Cal.com klären oder den Termin verschieben.`,
    retryable: false,
    outcomeUnknown: false,
  };
}

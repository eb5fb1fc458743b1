/** Cal.com's English error texts (as recorded in tests/fixtures/calcom-recorded) in German for the salon. */
const TRANSLATIONS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [
    /User either already has booking at this time or is not available/i,
    () => "Die Person ist zu dieser Zeit in Cal.com schon gebucht oder nicht verfügbar.",
  ],
  [
    /One of the hosts either already has booking at this time or is not available/i,
    () => "Eine der zuständigen Personen ist zu dieser Zeit in Cal.com schon gebucht oder nicht verfügbar.",
  ],
  [/booking_conflict_error/i, () => "In Cal.com gibt es zu dieser Zeit schon eine Buchung."],
  [
    /Event type with id=?\s*(\S+?) is the parent managed event type/i,
    (m) => `Der Event-Typ ${m[1]} ist ein verwalteter Event-Typ und kann nicht gebucht werden.`,
  ],
  [/Event type with id=?\s*(\S+?) not found/i, (m) => `Cal.com kennt den Event-Typ ${m[1]} nicht.`],
  [/Event Type not found/i, () => "Cal.com kennt diesen Event-Typ nicht."],
  [
    /Team event type with this slug already exists/i,
    () => "Im Team gibt es schon einen Event-Typ mit dieser Kurzadresse.",
  ],
  [
    /User with ID=(\S+) does not own event type with ID=(\S+)/i,
    (m) => `Der Event-Typ ${m[2]} gehört nicht zum Cal.com-Konto ${m[1]}.`,
  ],
  [/Booking with uid=(\S+) (?:was )?not found/i, (m) => `Cal.com kennt die Buchung ${m[1]} nicht.`],
  [
    /Can't cancel booking with uid=(\S+) because it has been cancelled already/i,
    (m) => `Die Buchung ${m[1]} ist in Cal.com schon abgesagt.`,
  ],
  [
    /Can't reschedule booking with uid=(\S+) because it has been cancelled and rescheduled already to booking with uid=([^\s.]+)/i,
    (m) => `Die Buchung ${m[1]} ist in Cal.com schon abgesagt und auf die Buchung ${m[2]} verlegt.`,
  ],
  [/Too many requests/i, () => "Zu viele Anfragen an Cal.com in kurzer Zeit. Bitte etwas später erneut versuchen."],
  [/Invalid API Key|no oAuth client found for access token/i, () => "Cal.com hat den API-Schlüssel abgelehnt."],
  [
    /No authentication method provided|no authentication provided/i,
    () => "Cal.com hat die Anfrage ohne Anmeldung abgelehnt (API-Schlüssel fehlt).",
  ],
  [
    /does not have the minimum required role=\S+ within team with id=([^\s.]+)/i,
    (m) => `Der Cal.com-Zugang hat im Team ${m[1]} keine Administratorrechte.`,
  ],
  [/User is not a member of the team with id=([^\s.]+)/i, (m) => `Der Cal.com-Zugang gehört nicht zum Team ${m[1]}.`],
  [/email_validation_error/i, () => "Cal.com hat die E-Mail-Adresse des Kunden als ungültig abgelehnt."],
  [/\{email\}error_required_field/i, () => "Cal.com verlangt eine E-Mail-Adresse des Kunden."],
  [/lengthInMinutes property is wrong/i, () => "Cal.com lässt bei dieser Anfrage keine eigene Dauer zu."],
  [
    /reservationDuration can only be used for authenticated requests/i,
    () => "Cal.com erlaubt Reservierungen nur mit API-Schlüssel.",
  ],
  [
    /Cannot (?:GET|POST|PATCH|PUT|DELETE) /i,
    () => "Cal.com kennt diese Schnittstelle nicht (Adresse oder API-Version prüfen).",
  ],
  [/Bad Request Exception|^Bad Request\b/i, () => "Cal.com hat die Anfrage als ungültig abgelehnt."],
  [/Cal\.com antwortete mit HTTP (\d+)/i, (m) => `Cal.com hat mit dem Fehlercode ${m[1]} geantwortet.`],
];

/** German for a known Cal.com message, null when the text is not one of them. */
export function translateCalcomMessage(english: string): string | null {
  for (const [pattern, german] of TRANSLATIONS) {
    const match = english.match(pattern);
    if (match) return german(match);
  }
  return null;
}

/** The sentences SlotDesk stores around Cal.com's own text (lib/calcom/sync/messages.ts). */
const WRAPPERS: [RegExp, string][] = [
  [/^Cal\.com hat die Buchung abgelehnt: „?([\s\S]+?)“?$/, "Cal.com hat die Buchung abgelehnt."],
  [/^Cal\.com hat alle Segmente abgelehnt: „?([\s\S]+?)“?$/, "Cal.com hat alle Segmente abgelehnt."],
  [/^Cal\.com war nicht erreichbar oder gestört \(([\s\S]+)\)\.?$/, "Cal.com war nicht erreichbar oder gestört."],
  [
    /^Unerwarteter Fehler beim Abgleich: ([\s\S]+)$/,
    "Beim Abgleich mit Cal.com ist ein unerwarteter Fehler aufgetreten.",
  ],
];

/** Older stored texts still use words the app no longer shows. */
const WORDING: [RegExp, string][] = [
  [/Übergeordneter Managed Event Type/g, "Verwalteter Event-Typ"],
  [/\(Managed-Kind\)/g, "(aus verwaltetem Event-Typ)"],
  [/übergeordneter „Managed Event Type“/g, "verwalteter Event-Typ"],
  [/Managed Event Type/g, "verwalteter Event-Typ"],
  [/Ereignistypen/g, "Event-Typen"],
  [/Ereignistyps/g, "Event-Typs"],
  [/Ereignistyp/g, "Event-Typ"],
  [/([uU])nter Services/g, "$1nter Leistungen"],
];

/** Today's words in a German text stored or built elsewhere: "Event-Typ", "verwalteter Event-Typ", "Leistungen". */
export function reword(text: string): string {
  return WORDING.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}

/**
 * A stored sync message split into what the salon reads (German) and Cal.com's original text, if any:
 * "Cal.com hat die Buchung abgelehnt: User either already has booking … (/v2/bookings)" becomes
 * "Cal.com hat die Buchung abgelehnt. Die Person ist …" with the English kept as the original.
 */
export function explainSyncMessage(message: string): { text: string; original: string | null } {
  const trimmed = message.trim();
  for (const [pattern, sentence] of WRAPPERS) {
    const match = trimmed.match(pattern);
    if (match) {
      const translated = translateCalcomMessage(match[1]!);
      return { text: translated ? `${sentence} ${translated}` : sentence, original: match[1]!.trim() };
    }
  }
  // Cal.com's text at the end of a German sentence: "… konnten nicht geprüft werden. Event type with id 5 not found".
  for (const [pattern, german] of TRANSLATIONS) {
    const match = trimmed.match(pattern);
    if (!match) continue;
    const before = reword(trimmed.slice(0, match.index).trim());
    return { text: before ? `${before} ${german(match)}` : german(match), original: trimmed.slice(match.index).trim() };
  }
  return { text: reword(trimmed), original: null };
}

const CODE_TITLES: Record<string, string> = {
  calcom_conflict: "Zeit in Cal.com belegt",
  calcom_managed_parent: "Event-Typ nicht buchbar",
  calcom_auth: "Cal.com-Zugang abgelehnt",
  calcom_event_type_missing: "Event-Typ fehlt in Cal.com",
  calcom_notice: "Vorlaufzeit in Cal.com",
  calcom_attendee: "Kundendaten abgelehnt",
  calcom_not_connected: "Cal.com nicht verbunden",
  calcom_rate_limited: "Cal.com ausgelastet",
  calcom_rejected: "Von Cal.com abgelehnt",
  calcom_unreachable: "Cal.com nicht erreichbar",
  mapping_missing: "Event-Typ nicht zugeordnet",
  sync_error: "Abgleich fehlgeschlagen",
};

/** A short German title for a stored sync error code; never the code itself. */
export const syncErrorTitle = (code: string | null | undefined) => (code && CODE_TITLES[code]) || "Hinweis";

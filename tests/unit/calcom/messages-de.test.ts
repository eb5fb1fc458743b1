import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { explainSyncMessage, reword, syncErrorTitle, translateCalcomMessage } from "@/components/ui/calcom-messages-de";

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/calcom-recorded");

/** Every "message" Cal.com sent in the recorded exchanges. */
function recordedMessages(): string[] {
  const found = new Set<string>();
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith(".json"))) {
    for (const m of readFileSync(path.join(FIXTURES, file), "utf8").matchAll(/"message":\s*"((?:[^"\\]|\\.)*)"/g))
      found.add(JSON.parse(`"${m[1]}"`) as string);
  }
  return [...found];
}

describe("Cal.com messages in German", () => {
  it("knows every error message recorded from Cal.com", () => {
    const messages = recordedMessages();
    expect(messages.length).toBeGreaterThan(10);
    expect(messages.filter((m) => translateCalcomMessage(m) === null)).toEqual([]);
  });

  it("translates the conflict and keeps the original apart", () => {
    const stored =
      "Cal.com hat die Buchung abgelehnt: User either already has booking at this time or is not available (/v2/bookings)";
    expect(explainSyncMessage(stored)).toEqual({
      text: "Cal.com hat die Buchung abgelehnt. Die Person ist zu dieser Zeit in Cal.com schon gebucht oder nicht verfügbar.",
      original: "User either already has booking at this time or is not available (/v2/bookings)",
    });
  });

  it("a refusal of every segment with Cal.com's text in quotes: German sentence, original without the quotes", () => {
    const stored =
      "Cal.com hat alle Segmente abgelehnt: „User either already has booking at this time or is not available“";
    expect(explainSyncMessage(stored)).toEqual({
      text: "Cal.com hat alle Segmente abgelehnt. Die Person ist zu dieser Zeit in Cal.com schon gebucht oder nicht verfügbar.",
      original: "User either already has booking at this time or is not available",
    });
  });

  it("names the event type of a managed parent", () => {
    expect(
      translateCalcomMessage(
        "Event type with id=4711 is the parent managed event type that can't be booked. You have …",
      ),
    ).toBe("Der Event-Typ 4711 ist ein verwalteter Event-Typ und kann nicht gebucht werden.");
  });

  it("hides an unknown English text behind a German sentence", () => {
    const r = explainSyncMessage("Unerwarteter Fehler beim Abgleich: TypeError: fetch failed");
    expect(r.text).toBe("Beim Abgleich mit Cal.com ist ein unerwarteter Fehler aufgetreten.");
    expect(r.original).toBe("TypeError: fetch failed");
  });

  it("leaves SlotDesk's German sentences alone, in today's words", () => {
    const r = explainSyncMessage("Cal.com kennt den Ereignistyp 12 nicht. Unter Services die Ereignistypen prüfen.");
    expect(r).toEqual({
      text: "Cal.com kennt den Event-Typ 12 nicht. Unter Leistungen die Event-Typen prüfen.",
      original: null,
    });
  });

  it("translates Cal.com's text after a German sentence", () => {
    const r = explainSyncMessage(
      "Cal.com ist gerade nicht erreichbar, die Ereignistypen konnten nicht geprüft werden. Event type with id 5 not found (/v2/event-types/5)",
    );
    expect(r.text).toBe(
      "Cal.com ist gerade nicht erreichbar, die Event-Typen konnten nicht geprüft werden. Cal.com kennt den Event-Typ 5 nicht.",
    );
    expect(r.original).toBe("Event type with id 5 not found (/v2/event-types/5)");
  });

  it("says managed event types in German", () => {
    expect(reword("Übergeordneter Managed Event Type – nicht buchbar")).toBe("Verwalteter Event-Typ – nicht buchbar");
    expect(reword("Färben (Managed-Kind)")).toBe("Färben (aus verwaltetem Event-Typ)");
  });

  it("never shows a raw error code", () => {
    expect(syncErrorTitle("calcom_conflict")).toBe("Zeit in Cal.com belegt");
    expect(syncErrorTitle("something_new")).toBe("Hinweis");
    expect(syncErrorTitle(null)).toBe("Hinweis");
  });
});

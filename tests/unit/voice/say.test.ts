import { describe, expect, it } from "vitest";
import { dayPhrase, inSpokenOrder, offersPhrase, say, sentence, whenPhrase } from "@/lib/voice/say";

const TZ = "Europe/Berlin";
// Tuesday 2026-12-01, 09:00 in Berlin.
const NOW = new Date("2026-12-01T08:00:00Z");
const at = (iso: string) => new Date(iso);

describe("the agent's sentences", () => {
  it.each([
    ["2026-12-01T15:00:00Z", "heute"],
    ["2026-12-02T09:00:00Z", "morgen, am Mittwoch, den 2. Dezember,"],
    ["2026-12-17T13:15:00Z", "am Donnerstag, den 17. Dezember"],
  ])("dayPhrase(%s) = %s", (iso, expected) => {
    expect(dayPhrase(at(iso), TZ, NOW)).toBe(expected);
  });

  it.each([
    ["2026-12-01T15:00:00Z", "heute um 16 Uhr"],
    ["2026-12-02T09:00:00Z", "morgen, am Mittwoch, den 2. Dezember, um 10 Uhr"],
    ["2026-12-07T15:00:00Z", "am Montag, den 7. Dezember, um 16 Uhr"],
    ["2026-12-09T08:45:00Z", "am Mittwoch, den 9. Dezember, um 9 Uhr 45"],
  ])("whenPhrase(%s) = %s", (iso, expected) => {
    expect(whenPhrase(at(iso), TZ, NOW)).toBe(expected);
  });

  it.each([
    [
      "morgen, am Mittwoch, den 2. Dezember, um 10 Uhr ist frei",
      "Morgen, am Mittwoch, den 2. Dezember, um 10 Uhr ist frei.",
    ],
    ["  passt  das ? ", "Passt das?"],
    ["Föhnen am Mittwoch ist frei.", "Föhnen am Mittwoch ist frei."],
  ])("sentence(%j)", (text, expected) => {
    expect(sentence(text)).toBe(expected);
  });

  it("say joins at most two sentences", () => {
    expect(say("ihr Termin ist gebucht", "wir freuen uns auf Sie!")).toBe(
      "Ihr Termin ist gebucht. Wir freuen uns auf Sie!",
    );
    expect(say("nur einer", undefined)).toBe("Nur einer.");
  });
});

describe("alternatives said compactly", () => {
  const fabian = (iso: string) => ({ start: at(iso), staffName: "Fabian Spitzer" });
  it("shared day and stylist are said once", () => {
    const offers = [fabian("2026-12-17T13:15:00Z"), fabian("2026-12-17T13:30:00Z"), fabian("2026-12-17T13:45:00Z")];
    expect(offersPhrase(offers, TZ, NOW, { requestedDay: "2026-12-16" })).toBe(
      "am Donnerstag, den 17. Dezember bei Fabian Spitzer um 14 Uhr 15, 14 Uhr 30 oder 14 Uhr 45",
    );
  });

  it("the requested day and the stylist asked for are not repeated", () => {
    const offers = [fabian("2026-12-17T13:15:00Z"), fabian("2026-12-17T13:30:00Z")];
    expect(offersPhrase(offers, TZ, NOW, { requestedDay: "2026-12-17", askedFor: "Fabian Spitzer" })).toBe(
      "um 14 Uhr 15 oder 14 Uhr 30",
    );
  });

  it("different stylists and days are told apart, in the order of the JSON", () => {
    const offers = [
      { start: at("2026-12-17T08:30:00Z"), staffName: "Anna Berg" },
      { start: at("2026-12-17T09:30:00Z"), staffName: "Ben Vogel" },
      { start: at("2026-12-18T08:00:00Z"), staffName: "Anna Berg" },
    ];
    expect(offersPhrase(offers, TZ, NOW, { requestedDay: "2026-12-17", askedFor: "Anna Berg" })).toBe(
      "um 9 Uhr 30, bei Ben Vogel um 10 Uhr 30 oder am Freitag, den 18. Dezember um 9 Uhr",
    );
  });

  it("inSpokenOrder groups like the speech", () => {
    const a1 = { start: at("2026-12-17T08:30:00Z"), staffName: "Anna Berg" };
    const b1 = { start: at("2026-12-17T09:30:00Z"), staffName: "Ben Vogel" };
    const a2 = { start: at("2026-12-17T10:30:00Z"), staffName: "Anna Berg" };
    expect(inSpokenOrder([a1, b1, a2], TZ, null)).toEqual([a1, a2, b1]);
  });
});

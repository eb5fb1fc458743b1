import { describe, expect, it } from "vitest";
import { sentencesOf, speechProblems } from "../../support/speech";

describe("the speech lint used on every agent message", () => {
  it("does not split at the dot of a date", () => {
    expect(sentencesOf("Am Freitag, den 28. November, um 10 Uhr ist frei. Soll ich buchen?")).toHaveLength(2);
  });
  it.each([
    ["Ihr Termin ist gebucht: Herrenhaarschnitt Montag, den 7. Dezember, um 16 Uhr.", "Wochentag ohne „am“"],
    ["morgen, am Mittwoch, den 2. Dezember, ist frei.", "klein: „morgen, am Mittwoch, den 2. Dezember, ist frei.“"],
    ["Eins. Zwei. Drei.", "3 Sätze"],
  ])("flags %j", (message, problem) => {
    expect(speechProblems(message)).toContain(problem);
  });
  it("accepts natural answers", () => {
    expect(
      speechProblems(
        "Ihr Termin ist gebucht: Föhnen am Mittwoch, den 9. Dezember, um 9 Uhr 45 bei Emma Wagner. Wir freuen uns auf Sie!",
      ),
    ).toEqual([]);
    expect(speechProblems("Morgen, am Mittwoch, den 2. Dezember, um 10 Uhr ist frei. Soll ich buchen?")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { zonedInstant } from "@/lib/time/zoned";
import { parseWhen, type ParsedWhen } from "@/lib/voice/dates/parse-when";
import { MAR28, NOV20, PHRASES, SUN, TIME_ZONE, expectationOf, hhmm, type PhraseRow } from "./phrases";

function run(date: string | null, time: string | null, now: string): ParsedWhen {
  return parseWhen({ date, time, now: new Date(now), timeZone: TIME_ZONE });
}

/** The same shape as the table's expected column, so a failing row shows both side by side. */
function summary(result: ParsedWhen): string {
  if (!result.ok) return result.reason;
  return result.minute === null ? result.date : `${result.date} ${hhmm(result.minute)}`;
}

const title = ([date, time, now, expected]: PhraseRow) =>
  `${JSON.stringify(date)} + ${JSON.stringify(time)} said at ${now} → ${expected}`;

describe("parseWhen phrase table", () => {
  it("has at least 120 phrases", () => {
    expect(PHRASES.length).toBeGreaterThanOrEqual(120);
  });

  it.each(PHRASES.map((row) => [title(row), row] as const))("%s", (_title, row) => {
    const [date, time, now, expected] = row;
    const result = run(date, time, now);
    expect(summary(result), `question: ${result.ok ? "-" : result.question}`).toBe(expected);

    const expectation = expectationOf(row);
    if (!result.ok) {
      expect(result.question).toMatch(/\?$/);
      return;
    }
    if (result.minute === null) {
      expect(result.start).toBeNull();
      return;
    }
    expect(result.start?.toISOString()).toBe(zonedInstant(result.date, result.minute, TIME_ZONE).toISOString());
    if (expectation.ok && expectation.utc) expect(result.start?.toISOString()).toBe(expectation.utc);
  });
});

describe("parseWhen questions", () => {
  it("asks for the day when no date was given", () => {
    expect(run(null, "10 Uhr", SUN)).toEqual({
      ok: false,
      reason: "missing",
      question: "An welchem Tag möchten Sie den Termin?",
    });
  });

  it("says why a date does not exist", () => {
    expect(run("31.02.", null, SUN)).toMatchObject({
      question: "Den 31. Februar gibt es nicht. Welches Datum meinen Sie?",
    });
    expect(run("32.1.", null, SUN)).toMatchObject({
      question: "Den 32. Januar gibt es nicht. Welches Datum meinen Sie?",
    });
    expect(run("28.13.", null, SUN)).toMatchObject({
      question: "Einen 13. Monat gibt es nicht. Welches Datum meinen Sie?",
    });
    expect(run("29.02.2025", null, SUN)).toMatchObject({
      question: "Den 29. Februar gibt es 2025 nicht. Welches Datum meinen Sie?",
    });
  });

  it("names both days when weekday and date disagree", () => {
    expect(run("Dienstag, den 1. Dezember", null, SUN)).toMatchObject({
      reason: "unclear",
      question: "Der 1. Dezember ist ein Montag – meinen Sie Montag, den 1. Dezember, oder Dienstag, den 2. Dezember?",
    });
    const saturday =
      "Der 5. Dezember ist ein Samstag – meinen Sie Samstag, den 5. Dezember, oder Montag, den 7. Dezember?";
    expect(run("am Montag, den 5.", null, NOV20)).toEqual({ ok: false, reason: "unclear", question: saturday });
    expect(run("Montag, 5. Dezember", null, NOV20)).toEqual({ ok: false, reason: "unclear", question: saturday });
  });

  it("offers both dates when the two arguments contradict each other", () => {
    expect(run("morgen", "übermorgen um 10", SUN)).toMatchObject({
      reason: "unclear",
      question: "Meinen Sie Montag, den 24. November, oder Dienstag, den 25. November?",
    });
  });

  it("explains a wall-clock time skipped by the spring-forward switch", () => {
    expect(run("morgen", "02:30", MAR28)).toMatchObject({
      reason: "impossible",
      question:
        "Wegen der Zeitumstellung gibt es am Sonntag, den 29. März die Uhrzeit 2:30 Uhr nicht. Welche Uhrzeit passt Ihnen stattdessen?",
    });
  });

  it("asks back about midnight and about 25 o'clock", () => {
    expect(run("morgen", "0 Uhr", SUN)).toMatchObject({
      reason: "unclear",
      question: expect.stringContaining("Mitternacht"),
    });
    expect(run("morgen", "25 Uhr", SUN)).toMatchObject({
      reason: "impossible",
      question: "25 Uhr gibt es nicht. Um wie viel Uhr möchten Sie kommen?",
    });
  });

  it("refuses malformed clock times with a question", () => {
    expect(run("morgen", "-10:00", SUN)).toEqual({
      ok: false,
      reason: "impossible",
      question: "Eine Uhrzeit mit Minuszeichen gibt es nicht. Um wie viel Uhr möchten Sie kommen?",
    });
    const question = (time: string) => {
      const result = run("morgen", time, SUN);
      return result.ok ? null : result.question;
    };
    expect(question("10:00:99")).toContain("10:00:99 gibt es nicht");
    expect(question("zehn Uhr siebzig")).toContain("10:70 gibt es nicht");
    expect(run("morgen", "1030", SUN)).toEqual({ ok: false, reason: "unclear", question: "Meinen Sie 10:30 Uhr?" });
    expect(question("zwischen 10 und 11 Uhr")).toBe("Meinen Sie 10:00 Uhr oder 11:00 Uhr?");
  });

  it("uses umlauts in every question", () => {
    const questions = PHRASES.map(([date, time, now]) => run(date, time, now)).flatMap((r) =>
      r.ok ? [] : [r.question],
    );
    expect(questions.some((q) => q.includes("möchten"))).toBe(true);
    for (const question of questions) expect(question).not.toMatch(/moechte|Maerz|fuer|ueber/);
  });
});

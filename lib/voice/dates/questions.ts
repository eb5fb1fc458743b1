import { namedDayOn, isoWeekday, type LocalDate } from "../../time";
import type { DayPart } from "./meaning";
import { MONTH_NAMES, WEEKDAY_NAMES } from "./numbers";

// Every sentence here is read out by the phone agent as-is, so each must work on its own.

function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? `${month}.`;
}

export function weekdayName(isoDay: number): string {
  return WEEKDAY_NAMES[isoDay - 1] ?? "";
}

/** "Freitag, den 28. November" */
export function spokenDate(date: LocalDate): string {
  const [, month, day] = date.split("-").map(Number);
  return `${weekdayName(isoWeekday(date))}, den ${day}. ${monthName(month!)}`;
}

const two = (n: number) => String(n).padStart(2, "0");

export function spokenTime(minute: number): string {
  return `${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, "0")} Uhr`;
}

const DAY_PART_WORDS: Record<DayPart, string> = {
  morning: "vormittags",
  noon: "mittags",
  afternoon: "nachmittags",
  evening: "abends",
  night: "nachts",
};

export const QUESTIONS = {
  missingDate: "An welchem Tag möchten Sie den Termin?",
  notUnderstood: "Das habe ich leider nicht ganz verstanden. An welchem Tag möchten Sie den Termin?",
  timeNotUnderstood: "Das habe ich leider nicht ganz verstanden. Um wie viel Uhr möchten Sie kommen?",
  vague: "Haben Sie schon einen bestimmten Tag im Blick? An welchem Tag möchten Sie kommen?",
  vaguePartOfWeek: "An welchem Tag genau, zum Beispiel Montag oder Dienstag?",
  weekWithoutDay: "An welchem Wochentag möchten Sie kommen?",
  monthWithoutDay: "An welchem Tag im Monat möchten Sie kommen?",
  weekend: "Meinen Sie Samstag oder Sonntag?",
  whichDay: "Welches Datum meinen Sie genau?",
  betweenTheYears: "An welchem Tag zwischen Weihnachten und Neujahr möchten Sie kommen?",
  relativeHours: "Um wie viel Uhr genau möchten Sie kommen?",
  midnight: "Meinen Sie wirklich Mitternacht? Um wie viel Uhr möchten Sie kommen?",

  noSuchMonth: (month: number) => `Einen ${month}. Monat gibt es nicht. Welches Datum meinen Sie?`,
  noSuchDay: (day: number, month: number) => `Den ${day}. ${monthName(month)} gibt es nicht. Welches Datum meinen Sie?`,
  noSuchDayOfMonth: (day: number) => `Einen ${day}. gibt es in keinem Monat. Welches Datum meinen Sie?`,
  noSuchDayInYear: (day: number, month: number, year: number) =>
    `Den ${day}. ${monthName(month)} gibt es ${year} nicht. Welches Datum meinen Sie?`,
  noSuchTime: (hour: number, minute: number) =>
    minute === 0
      ? `${hour} Uhr gibt es nicht. Um wie viel Uhr möchten Sie kommen?`
      : `Die Uhrzeit ${hour}:${String(minute).padStart(2, "0")} gibt es nicht. Um wie viel Uhr möchten Sie kommen?`,
  noSuchSecond: (hour: number, minute: number, second: number) =>
    `Die Uhrzeit ${hour}:${two(minute)}:${two(second)} gibt es nicht. Um wie viel Uhr möchten Sie kommen?`,
  negativeTime: "Eine Uhrzeit mit Minuszeichen gibt es nicht. Um wie viel Uhr möchten Sie kommen?",
  confirmTime: (minute: number) => `Meinen Sie ${spokenTime(minute)}?`,
  dstGap: (date: LocalDate, minute: number) =>
    `Wegen der Zeitumstellung gibt es am ${spokenDate(date)} die Uhrzeit ${spokenTime(minute)} nicht. Welche Uhrzeit passt Ihnen stattdessen?`,
  weekdayMismatch: (date: LocalDate, other: LocalDate) => {
    const [, month, day] = date.split("-").map(Number);
    const named = `Der ${day}. ${monthName(month!)} ist ein ${weekdayName(isoWeekday(date))}`;
    return `${named} – meinen Sie ${spokenDate(date)}, oder ${spokenDate(other)}?`;
  },
  aroundNamedDay: (date: LocalDate) =>
    `${namedDayOn(date)} ist am ${spokenDate(date)}. An welchem Tag genau möchten Sie kommen?`,
  whichDate: (a: LocalDate, b: LocalDate) => `Meinen Sie ${spokenDate(a)}, oder ${spokenDate(b)}?`,
  whichTime: (a: number, b: number) => `Meinen Sie ${spokenTime(a)} oder ${spokenTime(b)}?`,
  whichDayPart: (a: DayPart, b: DayPart) => `Möchten Sie lieber ${DAY_PART_WORDS[a]} oder ${DAY_PART_WORDS[b]} kommen?`,
};

/**
 * German named days: the nationwide public holidays plus the days a caller names like a date
 * (Heiligabend, Silvester, Ostersonntag, regional holidays such as Fronleichnam). Computed per
 * year and cached, so the voice parser's hot path is a map lookup.
 */
import { addDays, type LocalDate } from "./zoned";

export type NamedDayKey =
  | "neujahr"
  | "heilige-drei-koenige"
  | "gruendonnerstag"
  | "karfreitag"
  | "karsamstag"
  | "ostersonntag"
  | "ostermontag"
  | "tag-der-arbeit"
  | "christi-himmelfahrt"
  | "pfingstsonntag"
  | "pfingstmontag"
  | "fronleichnam"
  | "tag-der-deutschen-einheit"
  | "reformationstag"
  | "allerheiligen"
  | "heiligabend"
  | "erster-weihnachtstag"
  | "zweiter-weihnachtstag"
  | "silvester";

export interface NamedDay {
  key: NamedDayKey;
  /** German name as the salon would say it: "1. Weihnachtstag". */
  name: string;
  /** A public holiday in every Bundesland; the others are holidays in some states or none. */
  nationwide: boolean;
}

type Rule = { month: number; day: number } | { easterOffset: number };

const NAMED_DAYS: Array<NamedDay & { rule: Rule }> = [
  { key: "neujahr", name: "Neujahr", nationwide: true, rule: { month: 1, day: 1 } },
  { key: "heilige-drei-koenige", name: "Heilige Drei Könige", nationwide: false, rule: { month: 1, day: 6 } },
  { key: "tag-der-arbeit", name: "Tag der Arbeit", nationwide: true, rule: { month: 5, day: 1 } },
  {
    key: "tag-der-deutschen-einheit",
    name: "Tag der Deutschen Einheit",
    nationwide: true,
    rule: { month: 10, day: 3 },
  },
  { key: "reformationstag", name: "Reformationstag", nationwide: false, rule: { month: 10, day: 31 } },
  { key: "allerheiligen", name: "Allerheiligen", nationwide: false, rule: { month: 11, day: 1 } },
  { key: "heiligabend", name: "Heiligabend", nationwide: false, rule: { month: 12, day: 24 } },
  { key: "erster-weihnachtstag", name: "1. Weihnachtstag", nationwide: true, rule: { month: 12, day: 25 } },
  { key: "zweiter-weihnachtstag", name: "2. Weihnachtstag", nationwide: true, rule: { month: 12, day: 26 } },
  { key: "silvester", name: "Silvester", nationwide: false, rule: { month: 12, day: 31 } },
  { key: "gruendonnerstag", name: "Gründonnerstag", nationwide: false, rule: { easterOffset: -3 } },
  { key: "karfreitag", name: "Karfreitag", nationwide: true, rule: { easterOffset: -2 } },
  { key: "karsamstag", name: "Karsamstag", nationwide: false, rule: { easterOffset: -1 } },
  { key: "ostersonntag", name: "Ostersonntag", nationwide: false, rule: { easterOffset: 0 } },
  { key: "ostermontag", name: "Ostermontag", nationwide: true, rule: { easterOffset: 1 } },
  { key: "christi-himmelfahrt", name: "Christi Himmelfahrt", nationwide: true, rule: { easterOffset: 39 } },
  { key: "pfingstsonntag", name: "Pfingstsonntag", nationwide: false, rule: { easterOffset: 49 } },
  { key: "pfingstmontag", name: "Pfingstmontag", nationwide: true, rule: { easterOffset: 50 } },
  { key: "fronleichnam", name: "Fronleichnam", nationwide: false, rule: { easterOffset: 60 } },
];

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

interface YearTable {
  byKey: Map<NamedDayKey, LocalDate>;
  byDate: Map<LocalDate, NamedDay[]>;
}

const years = new Map<number, YearTable>();

function yearTable(year: number): YearTable {
  const known = years.get(year);
  if (known) return known;
  const easter = easterSunday(year);
  const table: YearTable = { byKey: new Map(), byDate: new Map() };
  for (const { rule, ...named } of NAMED_DAYS) {
    // The Reformation's 500th anniversary was a one-off nationwide holiday.
    const day = named.key === "reformationstag" && year === 2017 ? { ...named, nationwide: true } : named;
    const date =
      "month" in rule ? `${pad(year, 4)}-${pad(rule.month)}-${pad(rule.day)}` : addDays(easter, rule.easterOffset);
    table.byKey.set(day.key, date);
    table.byDate.set(date, [...(table.byDate.get(date) ?? []), day]);
  }
  if (years.size > 200) years.clear();
  years.set(year, table);
  return table;
}

/** The date of a named day in a given year. */
export function namedDayDate(key: NamedDayKey, year: number): LocalDate {
  return yearTable(year).byKey.get(key)!;
}

/** Every named day falling on a local date; two only when Christi Himmelfahrt meets 1 May (2008, 2160). */
export function namedDaysOn(date: LocalDate): NamedDay[] {
  return yearTable(Number(date.slice(0, 4))).byDate.get(date) ?? [];
}

/**
 * The German name of the named day on a local date, or null: namedDayOn("2026-12-25") →
 * "1. Weihnachtstag". Two names that fall together are joined with "und".
 */
export function namedDayOn(date: LocalDate): string | null {
  const days = namedDaysOn(date);
  return days.length === 0 ? null : days.map((d) => d.name).join(" und ");
}

/** True on a public holiday that every Bundesland keeps (Neujahr, Karfreitag, … 2. Weihnachtstag). */
export function isNationwideHoliday(date: LocalDate): boolean {
  return namedDaysOn(date).some((d) => d.nationwide);
}

import type { Company } from "../../context";
import { WEEKDAY_NAMES_DE } from "../../companies";
import { isoWeekday, type LocalDate } from "../../time";
import { listAnd } from "../matching";

const hourSpoken = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return m ? `${h} Uhr ${m}` : `${h}`;
};

/** "von 9 bis 13 Uhr und von 14 bis 18 Uhr" */
export const hoursSpoken = (intervals: { open: string; close: string }[]) =>
  listAnd(intervals.map((i) => `von ${hourSpoken(i.open)} bis ${hourSpoken(i.close)} Uhr`));

/** "am Samstag haben wir von 9 bis 14 Uhr geöffnet" / "sonntags haben wir geschlossen" */
export function openingSpoken(company: Company, date: LocalDate): string {
  const weekday = isoWeekday(date);
  const name = WEEKDAY_NAMES_DE[weekday - 1]!;
  const intervals = company.openingHours[String(weekday)] ?? [];
  if (intervals.length === 0) return `${name}s haben wir geschlossen`;
  return `am ${name} haben wir ${hoursSpoken(intervals)} geöffnet`;
}

export const isClosedOn = (company: Company, date: LocalDate) =>
  (company.openingHours[String(isoWeekday(date))] ?? []).length === 0;

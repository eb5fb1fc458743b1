import Holidays from "date-holidays";
import type { LocalDate } from "../time";
import { FEDERAL_STATES, type FederalState } from "./federal-states";

/** The 16 Bundesländer by ISO 3166-2 code without "DE-", as `companies.state` stores them. */
/** The 16 Bundesländer in one list (federal-states.ts), as the settings form offers them. */
export const GERMAN_STATES = (Object.keys(FEDERAL_STATES) as FederalState[]).map((code) => ({
  code,
  name: FEDERAL_STATES[code],
}));

export type StateCode = FederalState;
export const STATE_CODES = Object.keys(FEDERAL_STATES) as [StateCode, ...StateCode[]];

/**
 * A public holiday of a Bundesland. `rule` is date-holidays' rule ("12-25", "easter 60"): the same
 * every year, so it is the key a salon's "open on this holiday anyway" choice is stored under.
 */
export type PublicHoliday = { date: LocalDate; name: string; rule: string };

const years = new Map<string, Map<LocalDate, PublicHoliday>>();

/** The public holidays (type "public" only) of a state in a year, by date; computed once per state and year. */
function holidayTable(state: string, year: number): Map<LocalDate, PublicHoliday> {
  const key = `${state}|${year}`;
  const known = years.get(key);
  if (known) return known;
  const table = new Map<LocalDate, PublicHoliday>();
  if ((STATE_CODES as string[]).includes(state)) {
    const calendar = new Holidays("DE", state, { types: ["public"] });
    for (const h of calendar.getHolidays(year, "de")) {
      if (h.type !== "public") continue;
      const date = h.date.slice(0, 10);
      const same = table.get(date);
      // Two holidays on one date (Christi Himmelfahrt on 1 May): one entry, both names.
      table.set(date, same ? { ...same, name: `${same.name} und ${h.name}` } : { date, name: h.name, rule: h.rule });
    }
  }
  if (years.size > 500) years.clear();
  years.set(key, table);
  return table;
}

export function publicHolidays(state: string | null, year: number): PublicHoliday[] {
  return state ? [...holidayTable(state, year).values()] : [];
}

/** The public holiday of the state on a salon-local date, or null (also when no state is set). */
export function publicHolidayOn(state: string | null, date: LocalDate): PublicHoliday | null {
  return state ? (holidayTable(state, Number(date.slice(0, 4))).get(date) ?? null) : null;
}

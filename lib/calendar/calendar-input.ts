import { z } from "zod";
import { addDays, isoWeekday, type LocalDate } from "../time";

const VIEWS = ["day", "week"] as const;
export type CalendarView = (typeof VIEWS)[number];

/** A real calendar date ("2027-02-30" is not one), within the years a salon plans in. */
export const calendarDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Datum bitte als JJJJ-MM-TT angeben")
  .refine((d) => addDays(d, 0) === d && d >= "2000-01-01" && d <= "2099-12-31", "Kein gültiges Datum");

export const calendarInput = z.object({
  view: z.enum(VIEWS),
  date: calendarDate,
  /** Only these stylists' columns; empty: every active stylist. */
  staff: z.array(z.string().uuid()).max(200).default([]),
});
export type CalendarInput = z.input<typeof calendarInput>;

/** The local dates a view shows: the date itself, or Monday to Sunday of its week. */
export function calendarDays(view: CalendarView, date: LocalDate): LocalDate[] {
  if (view === "day") return [date];
  const monday = addDays(date, 1 - isoWeekday(date));
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The previous and next day or week, for the header's arrows. */
export function calendarStep(view: CalendarView, date: LocalDate, direction: -1 | 1): LocalDate {
  return addDays(date, direction * (view === "day" ? 1 : 7));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const VIEW_PARAM: Record<string, CalendarView> = { tag: "day", woche: "week" };
export const VIEW_PARAM_OF: Record<CalendarView, string> = { day: "tag", week: "woche" };

/**
 * The page's URL (`?ansicht=tag|woche&datum=JJJJ-MM-TT&ma=<id>&ma=<id>`) as an input; what cannot be read falls back
 * to the week of today, with a sentence for the salon instead of an error page.
 */
export function calendarParams(
  params: { ansicht?: string; datum?: string; ma?: string | string[] },
  today: LocalDate,
): { input: CalendarInput & { staff: string[] }; problems: string[] } {
  const problems: string[] = [];
  const ansicht = params.ansicht?.trim().toLowerCase() || undefined;
  let view: CalendarView = "week";
  if (ansicht !== undefined) {
    const known = VIEW_PARAM[ansicht];
    if (known) view = known;
    else problems.push(`Die Ansicht „${params.ansicht}“ gibt es nicht – angezeigt wird die Woche.`);
  }
  let date = today;
  const datum = params.datum?.trim() || undefined;
  if (datum !== undefined) {
    const parsed = calendarDate.safeParse(datum);
    if (parsed.success) date = parsed.data;
    else problems.push(`„${params.datum}“ ist kein gültiges Datum – angezeigt wird heute.`);
  }
  const wanted = [params.ma ?? []].flat().flatMap((v) => v.split(","));
  const staff = wanted.filter((id) => UUID.test(id.trim())).map((id) => id.trim().toLowerCase());
  if (staff.length < wanted.filter((v) => v.trim()).length)
    problems.push("Eine Mitarbeiterauswahl war ungültig – angezeigt werden die übrigen.");
  return { input: { view, date, staff }, problems };
}

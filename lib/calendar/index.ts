export { calendarDays, calendarParams, calendarStep, VIEW_PARAM_OF } from "./calendar-input";
export type { CalendarInput, CalendarView } from "./calendar-input";
export { getCalendar } from "./get-calendar";
export type {
  Calendar,
  CalendarAbsence,
  CalendarAppointment,
  CalendarBusy,
  CalendarColumn,
  CalendarDay,
  CalendarHold,
  CalendarPhase,
  Closure,
  FreeTime,
  Span,
  StylistDay,
} from "./types";

export { notBefore, serverNow } from "./clock";
export {
  dateSpoken,
  dateTimeSpoken,
  daySpoken,
  formatDateDe,
  formatDateTimeDe,
  formatDurationDe,
  formatEuro,
  formatTimeDe,
  timeSpoken,
  weekdayDe,
  MONTH_NAMES_DE,
  WEEKDAY_NAMES_DE,
  countDe,
} from "./format-de";
export { namedDayDate, namedDayOn } from "./named-days";
export { formatPhoneDe } from "./phone-de";
export type { NamedDayKey } from "./named-days";
export {
  addDays,
  addMinutes,
  daysBetween,
  isoWeekday,
  isoWithOffset,
  localDate,
  localDayClock,
  localDayClockMs,
  localTime,
  minutesIntoLocalDay,
  utcOffsetMs,
  zonedInstant,
} from "./zoned";
export type { LocalDate } from "./zoned";

export { filterOptions } from "./filter-options";
export { ownsAppointment, ownsCall, positiveId } from "./owned";
export {
  flatParams,
  isCalendarDate,
  optionalDate,
  optionalEnum,
  optionalText,
  paging,
  parseListParams,
} from "./params";
export type { Page } from "./params";

export { getCallDetail } from "./get-call";
export { callListQuery, countCalls, listCalls } from "./list-calls";
export type { CallListQuery } from "./list-calls";
export { logFunctionCall } from "./log-function-call";
export { CallOfAnotherCompanyError, linkCallCustomer, outcomeOf, recordCallEvent, upsertCall } from "./record-call";

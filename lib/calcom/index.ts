export { calcomAcceptsEmail, calcomAttendee, isOurCustomer } from "./attendee";
export type { AttendeeSettings } from "./attendee";
export { CalcomClient } from "./client";
export type { AttemptRecord, WebhookInput } from "./client";
export { CALCOM_NOT_CONNECTED, calcomConnectionFor, calcomSourceFor, calcomTargetFor, simulatorKeyFor } from "./config";
export type { CalcomSource } from "./config";
export { CalcomError } from "./errors";
export type { CalcomBooking, CalcomEventType, CalcomWebhook } from "./schemas";
export { CAL_API_VERSION } from "./versions";

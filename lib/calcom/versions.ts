/** cal-api-version per endpoint family (reference §1.2): an unknown value silently falls back to 2024-04-15. */
export const CAL_API_VERSION = {
  bookings: "2024-08-13",
  slots: "2024-09-04",
  eventTypes: "2024-06-14",
  teamEventTypes: "2024-06-14",
  webhooks: "2024-06-14",
  /** /v2/me and /v2/teams/{id} answer whatever the header says (recorded without one); one is sent anyway. */
  neutral: "2024-06-14",
} as const;

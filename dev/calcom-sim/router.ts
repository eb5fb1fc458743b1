import { type AuthMode, resolveVersion } from "./auth";
import { listBookingsRoute } from "./bookings-list";
import { cancelBookingRoute, createBookingRoute, getBookingRoute, rescheduleBookingRoute } from "./bookings-routes";
import type { RouteHandler } from "./context";
import { notFound } from "./errors";
import * as etWebhooks from "./event-type-webhooks-routes";
import * as eventTypes from "./event-types-routes";
import { updateTeamEventType } from "./event-types-update";
import * as legacy from "./legacy-routes";
import { meRoute, teamRoute } from "./me-teams-routes";
import * as reservations from "./reservations";
import { slotsRoute } from "./slots";
import * as webhooks from "./webhooks-routes";

/** Route table of the simulated API: method, path, the versions it answers to, how it authenticates. */

const V = {
  bookings: ["2024-08-13"],
  legacyBookings: ["2024-04-15", "2024-06-11", "2024-06-14"],
  slots: ["2024-09-04"],
  eventTypes: ["2024-06-14"],
  legacyEventTypes: ["2024-04-15", "2024-06-11"],
  neutral: "neutral",
} as const;

export type Route = {
  method: string;
  segments: string[];
  versions: readonly string[] | "neutral";
  auth: AuthMode;
  handler: RouteHandler;
};

const r = (
  method: string,
  path: string,
  versions: Route["versions"],
  auth: AuthMode,
  handler: RouteHandler,
): Route => ({
  method,
  segments: path.split("/").filter(Boolean),
  versions,
  auth,
  handler,
});

const TEAM_ET = "/v2/teams/:teamId/event-types";
const ROUTES: Route[] = [
  r("GET", "/v2/bookings", V.bookings, "permissions", listBookingsRoute),
  r("POST", "/v2/bookings", V.bookings, "optional", createBookingRoute),
  r("GET", "/v2/bookings/:uid", V.bookings, "optional", getBookingRoute),
  r("POST", "/v2/bookings/:uid/cancel", V.bookings, "optional", cancelBookingRoute),
  r("POST", "/v2/bookings/:uid/reschedule", V.bookings, "optional", rescheduleBookingRoute),
  r("GET", "/v2/bookings", V.legacyBookings, "required", legacy.listBookings),
  r("POST", "/v2/bookings", V.legacyBookings, "optional", legacy.createBooking),
  r("GET", "/v2/bookings/:uid", V.legacyBookings, "optional", legacy.getBooking),
  r("POST", "/v2/bookings/:uid/cancel", V.legacyBookings, "optional", legacy.cancelBooking),
  r("GET", "/v2/slots", V.slots, "none", slotsRoute),
  r("POST", "/v2/slots/reservations", V.slots, "optional", reservations.reserveSlot),
  r("GET", "/v2/slots/reservations/:uid", V.slots, "none", reservations.getReservation),
  r("DELETE", "/v2/slots/reservations/:uid", V.slots, "optional", reservations.deleteReservation),
  r("GET", "/v2/event-types", V.eventTypes, "required", eventTypes.listEventTypes),
  r("POST", "/v2/event-types", V.eventTypes, "required", eventTypes.createUserEventType),
  r("GET", "/v2/event-types/:id", V.eventTypes, "required", eventTypes.getEventType),
  r("GET", "/v2/event-types/:id", V.legacyEventTypes, "required", legacy.getEventType),
  r("GET", "/v2/me", V.neutral, "required", meRoute),
  r("GET", "/v2/teams/:teamId", V.neutral, "required", teamRoute),
  r("GET", TEAM_ET, V.neutral, "required", eventTypes.listTeamEventTypes),
  r("POST", TEAM_ET, V.neutral, "required", eventTypes.createTeamEventType),
  r("GET", `${TEAM_ET}/:id`, V.neutral, "required", eventTypes.getTeamEventType),
  r("PATCH", `${TEAM_ET}/:id`, V.neutral, "required", updateTeamEventType),
  r("GET", `${TEAM_ET}/:id/webhooks`, V.neutral, "required", etWebhooks.listEventTypeWebhooks),
  r("POST", `${TEAM_ET}/:id/webhooks`, V.neutral, "required", etWebhooks.createEventTypeWebhook),
  r("GET", `${TEAM_ET}/:id/webhooks/:webhookId`, V.neutral, "required", etWebhooks.getEventTypeWebhook),
  r("PATCH", `${TEAM_ET}/:id/webhooks/:webhookId`, V.neutral, "required", etWebhooks.updateEventTypeWebhook),
  r("DELETE", `${TEAM_ET}/:id/webhooks/:webhookId`, V.neutral, "required", etWebhooks.deleteEventTypeWebhook),
  r("GET", "/v2/webhooks", V.neutral, "required", webhooks.listWebhooks),
  r("POST", "/v2/webhooks", V.neutral, "required", webhooks.createWebhook),
  r("GET", "/v2/webhooks/:id", V.neutral, "required", webhooks.getWebhook),
  r("DELETE", "/v2/webhooks/:id", V.neutral, "required", webhooks.deleteWebhook),
];

export type Matched = { route: Route; params: Record<string, string>; version: string };

/** The route for a request and its version; Nest's router 404 (`Cannot GET /v2/x?q`) when none answers. */
export function matchRoute(method: string, url: URL, versionHeader: string | undefined): Matched {
  const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const version = resolveVersion(versionHeader);
  for (const route of ROUTES) {
    if (route.method !== method || route.segments.length !== parts.length) continue;
    if (route.versions !== "neutral" && !route.versions.includes(version)) continue;
    const params: Record<string, string> = {};
    const ok = route.segments.every((seg, i) => {
      if (seg.startsWith(":")) return ((params[seg.slice(1)] = parts[i]!), true);
      return seg === parts[i];
    });
    if (ok) return { route, params, version };
  }
  throw notFound(`Cannot ${method} ${url.pathname}${url.search}`);
}

import { listBookingsRoute } from "./bookings-list";
import { cancelBookingRoute, createBookingRoute, getBookingRoute, rescheduleBookingRoute } from "./bookings-routes";
import type { RouteHandler } from "./context";
import type { Family } from "./auth";
import { notFound } from "./errors";
import * as eventTypes from "./event-types-routes";
import { slotsRoute } from "./slots";
import * as webhooks from "./webhooks-routes";

/** Route table of the simulated API: method, path, version family, whether an API key is required. */

const r = (method: string, path: string, family: Family, handler: Route["handler"], auth = true): Route => ({
  method,
  segments: path.split("/").filter(Boolean),
  family,
  auth,
  handler,
});

const ROUTES: Route[] = [
  r("GET", "/v2/bookings", "bookings", listBookingsRoute),
  r("POST", "/v2/bookings", "bookings", createBookingRoute),
  r("GET", "/v2/bookings/:uid", "bookings", getBookingRoute),
  r("POST", "/v2/bookings/:uid/cancel", "bookings", cancelBookingRoute),
  r("POST", "/v2/bookings/:uid/reschedule", "bookings", rescheduleBookingRoute),
  r("GET", "/v2/slots", "slots", slotsRoute, false),
  r("GET", "/v2/event-types", "eventTypes", eventTypes.listEventTypes),
  r("POST", "/v2/event-types", "eventTypes", eventTypes.createUserEventType),
  r("GET", "/v2/event-types/:id", "eventTypes", eventTypes.getEventType),
  r("GET", "/v2/teams/:teamId/event-types", "any", eventTypes.listTeamEventTypes),
  r("POST", "/v2/teams/:teamId/event-types", "any", eventTypes.createTeamEventType),
  r("GET", "/v2/teams/:teamId/event-types/:id", "any", eventTypes.getEventType),
  r("GET", "/v2/webhooks", "any", webhooks.listWebhooks),
  r("POST", "/v2/webhooks", "any", webhooks.createWebhook),
  r("GET", "/v2/webhooks/:id", "any", webhooks.getWebhook),
  r("DELETE", "/v2/webhooks/:id", "any", webhooks.deleteWebhook),
];

export type Route = {
  method: string;
  segments: string[];
  family: Family;
  auth: boolean;
  handler: RouteHandler;
};

export type Matched = { route: Route; params: Record<string, string> };

/** The route for a request; Nest's router 404 (`Cannot GET /v2/x`) when nothing matches. */
export function matchRoute(method: string, pathname: string): Matched {
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  for (const route of ROUTES) {
    if (route.method !== method || route.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = route.segments.every((seg, i) => {
      if (seg.startsWith(":")) return (params[seg.slice(1)] = parts[i]!), true;
      return seg === parts[i];
    });
    if (ok) return { route, params };
  }
  throw notFound(`Cannot ${method} ${pathname}`);
}

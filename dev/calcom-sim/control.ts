import { ZodError } from "zod";
import type { SimCore } from "./context";
import { SimHttpError } from "./errors";
import { faultsForJson, parseFaultInput } from "./faults";
import { parseJson } from "./http";
import type { SimStateApi } from "./state-api";
import type { SimSnapshot } from "./types";

/**
 * Control API under `/__sim` (no auth) for tests and demos in other processes:
 * health, state snapshot/load/reset, faults, seeding (users, API keys, teams, event types, external
 * bookings, webhooks), the booking commit gate, logs.
 */

type Out = { status: number; body: unknown };
type Body = Record<string, unknown>;

function route(state: SimStateApi, core: SimCore, method: string, url: URL, body: unknown): Out | undefined {
  const parts = url.pathname.split("/").filter(Boolean).slice(1).map(decodeURIComponent);
  const key = `${method} /${parts.map((p, i) => (i === 1 && parts[0] === "bookings" ? ":uid" : p)).join("/")}`;
  const uid = parts[1] ?? "";
  const b = (body ?? {}) as Body;
  const ok = (data: unknown, status = 200): Out => ({ status, body: data });
  switch (key) {
    case "GET /health":
      return ok({ status: "ok" });
    case "GET /state":
      return ok(state.snapshot());
    case "POST /reset":
      state.reset();
      return ok({ status: "ok" });
    case "POST /load":
      state.load(body as SimSnapshot);
      return ok({ status: "ok" });
    case "GET /faults":
      return ok(faultsForJson(core.faults.get()));
    case "POST /faults":
      core.faults.set(parseFaultInput(body));
      return ok(faultsForJson(core.faults.get()));
    case "DELETE /faults":
      core.faults.clear();
      return ok(faultsForJson(core.faults.get()));
    case "GET /event-types": {
      const apiKey = url.searchParams.get("apiKey") ?? undefined;
      return ok(state.listEventTypes(apiKey ? { apiKey } : {}));
    }
    case "POST /event-types": {
      const eventType = state.addEventType(body as Parameters<SimStateApi["addEventType"]>[0]);
      return ok({ data: eventType, children: state.listEventTypes({ parentEventTypeId: eventType.id }) }, 201);
    }
    case "GET /bookings": {
      const q = url.searchParams;
      const status = q.get("status");
      return ok(
        state.listBookings({
          ...(q.get("apiKey") ? { apiKey: q.get("apiKey")! } : {}),
          ...(q.get("eventTypeId") ? { eventTypeId: Number(q.get("eventTypeId")) } : {}),
          ...(status === "accepted" || status === "cancelled" ? { status } : {}),
        }),
      );
    }
    case "POST /bookings":
      return ok({ data: state.addBooking(body as Parameters<SimStateApi["addBooking"]>[0]) }, 201);
    case "GET /bookings/:uid": {
      const booking = state.getBooking(uid);
      return booking ? ok({ data: booking }) : { status: 404, body: { error: `booking ${uid} not found` } };
    }
    case "POST /bookings/:uid/cancel": {
      const reason =
        typeof b.reason === "string"
          ? b.reason
          : typeof b.cancellationReason === "string"
            ? b.cancellationReason
            : undefined;
      return ok({ data: state.cancelBookingExternally(uid, reason) });
    }
    case "DELETE /bookings/:uid":
      return state.deleteBooking(uid)
        ? ok({ status: "ok" })
        : { status: 404, body: { error: `booking ${uid} not found` } };
    case "POST /users":
      return ok({ data: state.addUser(body as Parameters<SimStateApi["addUser"]>[0]) }, 201);
    case "POST /api-keys":
      return ok({ data: state.addApiKey(body as Parameters<SimStateApi["addApiKey"]>[0]) }, 201);
    case "POST /teams":
      return ok({ data: state.addTeam(body as Parameters<SimStateApi["addTeam"]>[0]) }, 201);
    case "GET /commits":
      return ok({ held: state.heldBookingCommits() });
    case "POST /commits/hold":
      state.holdBookingCommits();
      return ok({ held: state.heldBookingCommits() });
    case "POST /commits/release":
      state.releaseBookingCommits();
      return ok({ held: state.heldBookingCommits() });
    case "POST /webhooks":
      return ok({ data: state.addWebhook(body as Parameters<SimStateApi["addWebhook"]>[0]) }, 201);
    case "GET /webhook-deliveries":
      return ok(state.webhookDeliveries());
    case "GET /requests":
      return ok(state.requestLog());
    default:
      return undefined;
  }
}

export async function handleControl(
  state: SimStateApi,
  core: SimCore,
  method: string,
  url: URL,
  text: string,
): Promise<Out> {
  try {
    const out = route(state, core, method, url, parseJson(text));
    return out ?? { status: 404, body: { error: `unknown control endpoint ${method} ${url.pathname}` } };
  } catch (err) {
    if (err instanceof ZodError) return { status: 400, body: { error: "invalid input", issues: err.issues } };
    if (err instanceof SimHttpError) return { status: err.status, body: { error: err.message } };
    return { status: 400, body: { error: err instanceof Error ? err.message : String(err) } };
  }
}

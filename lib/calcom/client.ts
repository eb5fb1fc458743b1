import { createHash } from "node:crypto";
import { z } from "zod";
import { CalcomError, classify } from "./errors";
import { CALCOM_URL_BLOCKED, hostIsInternal } from "./outbound-url";
import { acquire, observe } from "./rate-limit";
import {
  type CalcomBooking,
  bookingSchema,
  type CalcomEventType,
  eventTypeSchema,
  listBookingsSchema,
  successEnvelope,
  type CalcomWebhook,
  webhookSchema,
} from "./schemas";
import type { SalonEventTypeSettings } from "./provisioning/salon-settings";
import { CAL_API_VERSION } from "./versions";

export type AttemptRecord = {
  action: string;
  method: string;
  path: string;
  httpStatus: number | null;
  latencyMs: number;
  apiVersion: string;
  errorCode?: string;
  errorMessage?: string;
  phaseId?: number;
};

export type CalcomClientConfig = {
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  /** Longest a request may wait for Cal.com's rate-limit window before failing as rate_limited. */
  maxRateLimitWaitMs?: number;
  /** Called for every request (the sync writes sync_attempts rows). */
  record?: (attempt: AttemptRecord) => Promise<void> | void;
  /**
   * The URL came from a salon's settings: requests go out only when its host resolves to public
   * addresses (see outbound-url.ts). Off for the operator's own CALCOM_API_URL and the simulator.
   */
  publicOnly?: boolean;
  /**
   * Awaited right before every request that changes Cal.com (not GET); throwing stops it unsent. The
   * sync passes its lease check here, so a run that lost its appointment lock writes nothing more.
   */
  beforeWrite?: () => Promise<void>;
};

type RequestOptions = {
  action: string;
  version: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  phaseId?: number;
};

export type CreateBookingInput = {
  start: Date;
  eventTypeId: number;
  attendee: { name: string; timeZone: string; email?: string; phoneNumber?: string; language?: string };
  metadata: Record<string, string>;
  lengthInMinutes?: number;
};

export type ListBookingsQuery = {
  afterStart?: Date;
  beforeEnd?: Date;
  eventTypeIds?: number[];
  status?: string;
  take?: number;
};

/** Typed Cal.com API v2 client: right version per endpoint, zod-checked answers, both error shapes. */
export class CalcomClient {
  private readonly keyId: string;

  constructor(private readonly config: CalcomClientConfig) {
    this.keyId = createHash("sha256").update(config.apiKey).digest("hex").slice(0, 16);
  }

  private async request<T extends z.ZodType>(
    method: string,
    path: string,
    schema: T,
    options: RequestOptions,
  ): Promise<z.infer<T>> {
    const url = new URL(`${this.config.baseUrl.replace(/\/$/, "")}${path}`);
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const deadline = Date.now() + (this.config.maxRateLimitWaitMs ?? 90_000);
    if (this.config.publicOnly && (await hostIsInternal(url))) {
      const error = new CalcomError("not_connected", CALCOM_URL_BLOCKED, null, "calcom_url_blocked");
      await this.config.record?.({
        action: options.action,
        method,
        path,
        httpStatus: null,
        latencyMs: 0,
        apiVersion: options.version,
        errorCode: error.code,
        errorMessage: error.message,
        phaseId: options.phaseId,
      });
      throw error;
    }
    for (;;) {
      await acquire(this.keyId);
      if (method !== "GET") await this.config.beforeWrite?.();
      const started = performance.now();
      const record = (status: number | null, error?: CalcomError) =>
        this.config.record?.({
          action: options.action,
          method,
          path,
          httpStatus: status,
          latencyMs: Math.round(performance.now() - started),
          apiVersion: options.version,
          errorCode: error?.code,
          errorMessage: error?.message,
          phaseId: options.phaseId,
        });
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${this.config.apiKey}`,
            "cal-api-version": options.version,
            ...(options.body === undefined ? {} : { "content-type": "application/json" }),
          },
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: AbortSignal.timeout(this.config.timeoutMs ?? 10_000),
        });
      } catch (cause) {
        const timedOut = cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError");
        const error = new CalcomError(
          timedOut ? "timeout" : "network",
          timedOut ? `Zeitüberschreitung bei ${path}` : `Cal.com nicht erreichbar (${path})`,
          null,
          timedOut ? "timeout" : "network",
        );
        await record(null, error);
        throw error;
      }
      const text = await response.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = text;
      }
      const waitMs = observe(this.keyId, response.headers, response.status);
      if (response.ok) {
        const parsed = schema.safeParse(body);
        if (!parsed.success) {
          const error = new CalcomError(
            "invalid_response",
            `Unerwartete Antwort von Cal.com (${path}): ${parsed.error.issues[0]?.message}`,
            response.status,
            "invalid_response",
          );
          await record(response.status, error);
          throw error;
        }
        await record(response.status);
        return parsed.data;
      }
      const error = classify(response.status, body, path);
      await record(response.status, error);
      // 429 means "wait", not "fail": retry once the window opens, as long as the budget lasts.
      if (response.status === 429 && Date.now() + waitMs < deadline) continue;
      throw error;
    }
  }

  async createBooking(input: CreateBookingInput, phaseId?: number): Promise<CalcomBooking> {
    const body = {
      start: input.start.toISOString(),
      eventTypeId: input.eventTypeId,
      attendee: input.attendee,
      metadata: input.metadata,
      ...(input.lengthInMinutes ? { lengthInMinutes: input.lengthInMinutes } : {}),
    };
    const result = await this.request(
      "POST",
      "/bookings",
      successEnvelope(z.union([bookingSchema, z.array(bookingSchema)])),
      {
        action: "create",
        version: CAL_API_VERSION.bookings,
        body,
        phaseId,
      },
    );
    return Array.isArray(result.data) ? result.data[0]! : result.data;
  }

  /** The booking, or null when Cal.com does not know the uid (404). */
  async getBooking(uid: string, phaseId?: number): Promise<CalcomBooking | null> {
    try {
      const result = await this.request(
        "GET",
        `/bookings/${encodeURIComponent(uid)}`,
        successEnvelope(z.union([bookingSchema, z.array(bookingSchema)])),
        {
          action: "get",
          version: CAL_API_VERSION.bookings,
          phaseId,
        },
      );
      return Array.isArray(result.data) ? (result.data[0] ?? null) : result.data;
    } catch (error) {
      if (error instanceof CalcomError && error.kind === "not_found") return null;
      throw error;
    }
  }

  /** Every booking matching the query (all pages). */
  async listBookings(query: ListBookingsQuery, action = "list"): Promise<CalcomBooking[]> {
    const take = query.take ?? 100;
    const all: CalcomBooking[] = [];
    for (let skip = 0; ; skip += take) {
      const result = await this.request("GET", "/bookings", listBookingsSchema, {
        action,
        version: CAL_API_VERSION.bookings,
        query: {
          afterStart: query.afterStart?.toISOString(),
          beforeEnd: query.beforeEnd?.toISOString(),
          eventTypeIds: query.eventTypeIds?.length ? query.eventTypeIds.join(",") : undefined,
          status: query.status,
          sortStart: "asc",
          take,
          skip,
        },
      });
      all.push(...result.data);
      const more = result.pagination?.hasNextPage ?? result.pagination?.hasMore ?? false;
      if (!more || result.data.length === 0 || skip > 10_000) return all;
    }
  }

  async cancelBooking(uid: string, reason: string, phaseId?: number): Promise<CalcomBooking> {
    const result = await this.request(
      "POST",
      `/bookings/${encodeURIComponent(uid)}/cancel`,
      successEnvelope(z.union([bookingSchema, z.array(bookingSchema)])),
      {
        action: "cancel",
        version: CAL_API_VERSION.bookings,
        body: { cancellationReason: reason },
        phaseId,
      },
    );
    return Array.isArray(result.data) ? result.data[0]! : result.data;
  }

  /** Cal.com answers a reschedule with a NEW booking (new uid); the old one becomes cancelled. */
  async rescheduleBooking(uid: string, start: Date, rescheduledBy: string, phaseId?: number): Promise<CalcomBooking> {
    const result = await this.request(
      "POST",
      `/bookings/${encodeURIComponent(uid)}/reschedule`,
      successEnvelope(bookingSchema),
      {
        action: "reschedule",
        version: CAL_API_VERSION.bookings,
        body: { start: start.toISOString(), rescheduledBy, reschedulingReason: "Termin in SlotDesk verschoben" },
        phaseId,
      },
    );
    return result.data;
  }

  async getSlots(
    eventTypeId: number,
    start: Date,
    end: Date,
    timeZone: string,
  ): Promise<Record<string, { start: string }[]>> {
    const result = await this.request(
      "GET",
      "/slots",
      successEnvelope(z.record(z.string(), z.array(z.object({ start: z.string() }).passthrough()))),
      {
        action: "slots",
        version: CAL_API_VERSION.slots,
        query: { eventTypeId, start: start.toISOString(), end: end.toISOString(), timeZone },
      },
    );
    return result.data;
  }

  /** The event type, or null when unknown (404). */
  async getEventType(id: number): Promise<CalcomEventType | null> {
    try {
      const result = await this.request("GET", `/event-types/${id}`, successEnvelope(eventTypeSchema), {
        action: "event_type",
        version: CAL_API_VERSION.eventTypes,
      });
      return result.data;
    } catch (error) {
      if (error instanceof CalcomError && (error.kind === "not_found" || error.kind === "event_type_not_found"))
        return null;
      throw error;
    }
  }

  async listEventTypes(): Promise<CalcomEventType[]> {
    const result = await this.request("GET", "/event-types", successEnvelope(z.array(eventTypeSchema)), {
      action: "event_types",
      version: CAL_API_VERSION.eventTypes,
    });
    return result.data;
  }

  async listTeamEventTypes(teamId: number): Promise<CalcomEventType[]> {
    const result = await this.request(
      "GET",
      `/teams/${teamId}/event-types`,
      successEnvelope(z.array(eventTypeSchema)),
      { action: "event_types", version: CAL_API_VERSION.teamEventTypes },
    );
    return result.data;
  }

  /** A single-host team event type (seed 004, option B: no managed parent, empty metadata), salon settings. */
  async createTeamEventType(teamId: number, input: NewTeamEventType): Promise<CalcomEventType> {
    const { hostUserId, settings, ...rest } = input;
    const result = await this.request("POST", `/teams/${teamId}/event-types`, successEnvelope(eventTypeSchema), {
      action: "create_event_type",
      version: CAL_API_VERSION.teamEventTypes,
      body: { ...rest, ...settings, schedulingType: "collective", hosts: [{ userId: hostUserId, mandatory: true }] },
    });
    return result.data;
  }

  /** Who the API key belongs to: the cheapest authenticated request. */
  async getMe(): Promise<{ id: number; email: string; name: string | null }> {
    const me = z.object({ id: z.number().int(), email: z.string(), name: z.string().nullish() }).passthrough();
    const result = await this.request("GET", "/me", successEnvelope(me), {
      action: "me",
      version: CAL_API_VERSION.neutral,
    });
    return { id: result.data.id, email: result.data.email, name: result.data.name ?? null };
  }

  async getTeam(teamId: number): Promise<{ id: number; name: string }> {
    const team = z.object({ id: z.number().int(), name: z.string() }).passthrough();
    const result = await this.request("GET", `/teams/${teamId}`, successEnvelope(team), {
      action: "team",
      version: CAL_API_VERSION.neutral,
    });
    return { id: result.data.id, name: result.data.name };
  }

  /** Changes only what `patch` names; a managed parent passes it on to its children. */
  async updateTeamEventType(teamId: number, id: number, patch: Partial<SalonEventTypeSettings>) {
    const schema = successEnvelope(z.union([eventTypeSchema, z.array(eventTypeSchema)]));
    const result = await this.request("PATCH", `/teams/${teamId}/event-types/${id}`, schema, {
      action: "update_event_type",
      version: CAL_API_VERSION.teamEventTypes,
      body: patch,
    });
    return Array.isArray(result.data) ? result.data[0]! : result.data;
  }

  /** The webhooks of a team event type (Cal.com pages them by 250; a salon's type has a handful). */
  async listEventTypeWebhooks(teamId: number, eventTypeId: number): Promise<CalcomWebhook[]> {
    const path = `/teams/${teamId}/event-types/${eventTypeId}/webhooks`;
    const result = await this.request("GET", path, successEnvelope(z.array(webhookSchema)), {
      action: "event_type_webhooks",
      version: CAL_API_VERSION.webhooks,
      query: { take: 250 },
    });
    return result.data;
  }

  async createEventTypeWebhook(teamId: number, eventTypeId: number, input: WebhookInput): Promise<CalcomWebhook> {
    const path = `/teams/${teamId}/event-types/${eventTypeId}/webhooks`;
    const result = await this.request("POST", path, successEnvelope(webhookSchema), {
      action: "create_webhook",
      version: CAL_API_VERSION.webhooks,
      body: input,
    });
    return result.data;
  }

  async updateEventTypeWebhook(teamId: number, eventTypeId: number, webhookId: string, patch: Partial<WebhookInput>) {
    const path = `/teams/${teamId}/event-types/${eventTypeId}/webhooks/${encodeURIComponent(webhookId)}`;
    const result = await this.request("PATCH", path, successEnvelope(webhookSchema), {
      action: "update_webhook",
      version: CAL_API_VERSION.webhooks,
      body: patch,
    });
    return result.data;
  }

  async deleteEventTypeWebhook(teamId: number, eventTypeId: number, webhookId: string): Promise<void> {
    const path = `/teams/${teamId}/event-types/${eventTypeId}/webhooks/${encodeURIComponent(webhookId)}`;
    const version = CAL_API_VERSION.webhooks;
    await this.request("DELETE", path, successEnvelope(webhookSchema), { action: "delete_webhook", version });
  }
}

export type NewTeamEventType = {
  title: string;
  slug: string;
  lengthInMinutes: number;
  hostUserId: number;
  settings: SalonEventTypeSettings;
};
export type WebhookInput = { subscriberUrl: string; triggers: string[]; active: boolean; secret: string };

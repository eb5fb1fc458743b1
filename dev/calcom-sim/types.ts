/** Data shapes of the Cal.com API v2 simulator (stored state, logs, options, public API). */

export type SchedulingType = "collective" | "roundRobin" | "managed";

/** Weekly working hours in the schedule's own zone; days 0 = Sunday … 6 = Saturday. */
export type SimSchedule = { id: number; timeZone: string; days: number[]; startTime: string; endTime: string };

/** A user without `schedule` is available around the clock (the simulator's historic default). */
export type SimUser = {
  id: number;
  name: string;
  email: string;
  username: string;
  timeZone: string;
  /** The language Cal.com talks to the user in (webhook `organizer.language`); "en" when absent. */
  locale?: string;
  schedule?: SimSchedule;
};

/**
 * An API key belongs to a user. `accountKey` names the simulated Cal.com instance the key works in
 * (records carry it as their `accountKey`); it defaults to the key itself, so every key registered
 * on its own is a separate instance.
 */
export type SimAccount = { apiKey: string; userId: number; accountKey?: string };

export type TeamRole = "OWNER" | "ADMIN" | "MEMBER";
export type SimTeam = {
  id: number;
  accountKey: string;
  name: string;
  slug: string;
  members: Array<{ userId: number; role: TeamRole }>;
};

export type SimHost = { userId: number; name?: string; mandatory?: boolean; priority?: string };

/** A location as event types store it, e.g. `{type:"integration", integration:"cal-video"}`. */
export type SimLocation = Record<string, unknown> & { type: string };

export type SimEventType = {
  id: number;
  accountKey: string;
  title: string;
  slug: string;
  description?: string;
  lengthInMinutes: number;
  lengthInMinutesOptions?: number[];
  slotInterval?: number;
  /** Absent in state files written before it existed: no notice. */
  minimumBookingNotice?: number;
  /** Absent in state files written before it existed: bookings carry no location. */
  locations?: SimLocation[];
  hosts: SimHost[];
  schedulingType: SchedulingType | null;
  parentEventTypeId?: number;
  teamId?: number;
  metadata: Record<string, unknown>;
  hidden: boolean;
  /** As sent (`{disabled:true}` or `{type:"always"|"time",…}`); absent means no confirmation needed. */
  confirmationPolicy?: Record<string, unknown>;
  ownerId: number | null;
  createdAt: string;
};

export type SimAttendee = {
  name: string;
  email: string;
  timeZone: string;
  language: string;
  phoneNumber?: string;
};

export type SimBooking = {
  id: number;
  uid: string;
  accountKey: string;
  eventTypeId: number;
  title: string;
  description?: string;
  /** Users kept busy by this booking; the first one is the organizer (the output's only host). */
  hostUserIds: number[];
  status: "accepted" | "cancelled";
  start: string;
  end: string;
  attendees: SimAttendee[];
  guests?: string[];
  location?: string;
  metadata: Record<string, unknown>;
  bookingFieldsResponses: Record<string, unknown>;
  cancellationReason?: string;
  reschedulingReason?: string;
  /** The `rescheduledBy` e-mail of the reschedule that created or replaced this booking. */
  rescheduledBy?: string;
  rescheduled?: boolean;
  rescheduledFromUid?: string;
  rescheduledToUid?: string;
  /** Calendar identity shared by every booking of a reschedule chain (defaults to the uid). */
  iCalUid?: string;
  iCalSequence?: number;
  createdAt: string;
  updatedAt: string;
  source: "api" | "external";
};

/**
 * A webhook fires for bookings of its event type (`eventTypeId`), of its team's event types
 * (`teamId`), or — a user webhook, neither set — of non-team event types its user organises.
 */
export type SimWebhook = {
  id: string;
  accountKey: string;
  userId: number;
  eventTypeId?: number;
  teamId?: number;
  subscriberUrl: string;
  triggers: string[];
  active: boolean;
  secret?: string;
  payloadTemplate?: string | null;
  createdAt: string;
};

export type SimReservation = {
  uid: string;
  eventTypeId: number;
  slotStart: string;
  slotEnd: string;
  slotDuration: number;
  reservationDuration: number;
  reservationUntil: string;
};

export type SimSnapshot = {
  version: 1;
  nextIds: { eventType: number; booking: number; user: number };
  users: SimUser[];
  accounts: SimAccount[];
  /** Absent in state files written before teams existed. */
  teams?: SimTeam[];
  eventTypes: SimEventType[];
  bookings: SimBooking[];
  webhooks: SimWebhook[];
};

export type RequestLogEntry = {
  method: string;
  path: string;
  apiKey: string | null;
  /** The cal-api-version header as sent (null: none). */
  apiVersion: string | null;
  status: number;
  ms: number;
  time: string;
  fault?: "error500" | "timeout" | "burst429" | "createThen400";
};

export type WebhookDelivery = {
  id: string;
  webhookId: string;
  trigger: string;
  subscriberUrl: string;
  bookingUid: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  responseStatus?: number;
  error?: string;
  time: string;
};

export type FaultValues = {
  createThen400: number;
  error500: number;
  timeout: number;
  burst429: number;
  latencyMs: number;
  latencyJitterMs: number;
  /**
   * Extra delay of a booking create for every other create in flight at the same time (Cal.com
   * slows down under parallel creates: 80–350 ms alone, 0.8–1.6 s each with ten at once).
   */
  createLoadMs: number;
};

export type SimFaults = {
  set(f: Partial<FaultValues>): void;
  clear(): void;
  get(): FaultValues;
};

export type SimOptions = {
  port?: number;
  host?: string;
  rateLimitPerMinute?: number;
  stateFile?: string;
  now?: () => Date;
  log?: (line: string) => void;
  /**
   * A `cal_` key the simulator does not know: "reject" answers 401 as Cal.com does (default);
   * "create-account" registers it as a new instance on first use (handy for local demos).
   */
  unknownApiKeys?: "reject" | "create-account";
};

/** Data shapes of the Cal.com API v2 simulator (stored state, logs, options, public API). */

export type SchedulingType = "collective" | "roundRobin" | "managed";

export type SimUser = { id: number; name: string; email: string; username: string; timeZone: string };

/** An API key (any `cal_…` string) is an account with its own user, event types, bookings, webhooks. */
export type SimAccount = { apiKey: string; userId: number };

export type SimHost = { userId: number; name?: string; mandatory?: boolean; priority?: string };

export type SimEventType = {
  id: number;
  accountKey: string;
  title: string;
  slug: string;
  description?: string;
  lengthInMinutes: number;
  lengthInMinutesOptions?: number[];
  slotInterval?: number;
  hosts: SimHost[];
  schedulingType: SchedulingType | null;
  parentEventTypeId?: number;
  teamId?: number;
  metadata: Record<string, unknown>;
  hidden: boolean;
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
  rescheduled?: boolean;
  rescheduledFromUid?: string;
  rescheduledToUid?: string;
  createdAt: string;
  updatedAt: string;
  source: "api" | "external";
};

export type SimWebhook = {
  id: string;
  accountKey: string;
  userId: number;
  subscriberUrl: string;
  triggers: string[];
  active: boolean;
  secret?: string;
  payloadTemplate?: string | null;
  createdAt: string;
};

export type SimSnapshot = {
  version: 1;
  nextIds: { eventType: number; booking: number; user: number };
  users: SimUser[];
  accounts: SimAccount[];
  eventTypes: SimEventType[];
  bookings: SimBooking[];
  webhooks: SimWebhook[];
};

export type RequestLogEntry = {
  method: string;
  path: string;
  apiKey: string | null;
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
};

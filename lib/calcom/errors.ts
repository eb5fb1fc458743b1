import { envelopeErrorSchema, nestErrorSchema } from "./schemas";

export type CalcomErrorKind =
  | "conflict"
  | "notice"
  | "attendee"
  | "managed_parent"
  | "event_type_not_found"
  | "not_found"
  | "already_cancelled"
  | "auth"
  | "validation"
  | "rate_limited"
  | "server"
  | "timeout"
  | "network"
  | "invalid_response"
  // No Cal.com configured for the company (and no simulator chosen): nothing was sent.
  | "not_connected";

/** A failed Cal.com request, classified by what it means for the caller. */
export class CalcomError extends Error {
  constructor(
    readonly kind: CalcomErrorKind,
    message: string,
    readonly httpStatus: number | null,
    readonly code: string,
  ) {
    super(message);
    this.name = "CalcomError";
  }

  /** The request may have taken effect although it failed (Cal.com's 400 after creating, timeouts, 5xx). */
  get outcomeUnknown(): boolean {
    return ["conflict", "server", "timeout", "network", "rate_limited", "invalid_response"].includes(this.kind);
  }

  /** Trying again later can help. */
  get retryable(): boolean {
    return ["server", "timeout", "network", "rate_limited", "invalid_response"].includes(this.kind);
  }
}

const MAX_REMOTE_MESSAGE = 300;

export function classify(status: number, body: unknown, path: string): CalcomError {
  let code = `HTTP_${status}`;
  let message = `Cal.com antwortete mit HTTP ${status}`;
  const envelope = envelopeErrorSchema.safeParse(body);
  const nest = nestErrorSchema.safeParse(body);
  if (envelope.success) {
    code = envelope.data.error.code;
    message = envelope.data.error.message;
  } else if (nest.success) {
    message = Array.isArray(nest.data.message) ? nest.data.message.join("; ") : nest.data.message;
    if (status === 409) code = "booking_conflict";
  }
  // What a remote says is summarised, never echoed at length or with control characters.
  // eslint-disable-next-line no-control-regex
  message = message.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  if (message.length > MAX_REMOTE_MESSAGE) message = `${message.slice(0, MAX_REMOTE_MESSAGE - 1)}…`;
  const text = message.toLowerCase();
  let kind: CalcomErrorKind;
  if (status === 429) kind = "rate_limited";
  else if (status >= 500) kind = "server";
  else if (status === 401 || status === 403) kind = "auth";
  else if (status === 409) kind = "conflict";
  else if (text.includes("parent managed event type")) kind = "managed_parent";
  // Team event types: "One of the hosts either already has booking …"; personal: "User either …".
  else if (text.includes("already has booking") || text.includes("is not available")) kind = "conflict";
  else if (text.includes("minimum booking notice") || text.includes("too soon")) kind = "notice";
  else if (text.includes("{email}") || text.includes("{attendeephonenumber}")) kind = "attendee";
  else if (text.includes("cancelled already") || text.includes("has been cancelled")) kind = "already_cancelled";
  else if (status === 404 && text.includes("event type")) kind = "event_type_not_found";
  else if (status === 404) kind = "not_found";
  else kind = "validation";
  return new CalcomError(kind, `${message} (${path})`, status, code);
}

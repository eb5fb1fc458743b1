import { randomUUID } from "node:crypto";

/** Error shapes of Cal.com API v2 (reference §3) and the exact texts the simulator emits. */

const REASONS: Record<number, [code: string, reason: string]> = {
  400: ["BadRequestException", "Bad Request"],
  401: ["UnauthorizedException", "Unauthorized"],
  403: ["ForbiddenException", "Forbidden"],
  404: ["NotFoundException", "Not Found"],
  409: ["ConflictException", "Conflict"],
  422: ["UnprocessableEntityException", "Unprocessable Entity"],
  429: ["ThrottlerException", "Too Many Requests"],
  500: ["InternalServerErrorException", "Internal Server Error"],
  501: ["NotImplementedException", "Not Implemented"],
};

export const MSG = {
  taken: "User either already has booking at this time or is not available",
  teamTaken: "One of the hosts either already has booking at this time or is not available",
  past: "Attempting to book a meeting in the past.",
  tooSoon:
    'The event type can\'t be booked at the "start" time provided. This could be because it\'s too soon (violating the minimum booking notice) or too far in the future (outside the event\'s scheduling window). Try fetching available slots first using the GET /v2/slots endpoint and then make a booking with "start" time equal to one of the available slots: https://cal.com/docs/api-reference/v2/slots',
  conflict: "booking_conflict_error",
  emailRequired: "responses - {email}error_required_field, ",
  emailInvalid: "responses - {email}email_validation_error, ",
  eventLookup: "Either eventTypeId or eventTypeSlug + username or eventTypeSlug + teamSlug must be provided",
  contact: "Attendee must have at least one contact method (email or phone number)",
  metadata: "Metadata must have at most 50 keys, each key up to 40 characters, and string values up to 500 characters.",
  singleLength:
    "Can't specify 'lengthInMinutes' because event type does not have multiple possible lengths. Please, remove the 'lengthInMinutes' field from the request.",
  lengthNotAllowed: (options: number[]) =>
    `Provided 'lengthInMinutes' is not one of the possible lengths for the event type. The possible lengths are: ${options.join(", ")}`,
  managedParent: (id: number) =>
    `Event type with id=${id} is the parent managed event type that can't be booked. You have to provide the child event type id aka id of event type that has been assigned to one of the users.`,
  noHosts:
    "Can't book this team event type because it has no hosts. Please, add at least 1 host to the event type and try again.",
  eventTypeNotFoundForBooking: (id: number) => `Event type with id ${id} not found.`,
  eventTypeNotFound: (id: number | string) => `Event type with id ${id} not found`,
  bookingNotFound: (uid: string) => `Booking with uid=${uid} was not found in the database`,
  cancelNotFound: (uid: string) => `Booking with uid=${uid} not found`,
  alreadyCancelled: (uid: string) =>
    `Can't cancel booking with uid=${uid} because it has been cancelled already. Please provide uid of a booking that is not cancelled.`,
  rescheduleCancelled: (uid: string) =>
    `Can't reschedule booking with uid=${uid} because it has been cancelled. Please provide uid of a booking that is not cancelled.`,
  rescheduleRescheduled: (uid: string, to: string | undefined) =>
    `Can't reschedule booking with uid=${uid} because it has been cancelled and rescheduled already to booking with uid=${to}. You probably want to reschedule ${to} instead by passing it within the request URL.`,
  throttled: "CustomThrottlerGuard - Too many requests. Please try again later.",
  unknownKey: "CustomThrottlerGuard - Invalid API Key",
  permissionsNoAuth:
    "PermissionsGuard - no authentication provided. Provide either authorization bearer token containing managed user access token or oAuth client id in 'x-cal-client-id' header.",
  permissionsNoClient: (token: string) => `PermissionsGuard - no oAuth client found for access token=${token}`,
  reservationAuth:
    "reservationDuration can only be used for authenticated requests - use access token, api key or OAuth credentials",
  legacyNotOwner: (userId: number, id: number) => `User with ID=${userId} does not own event type with ID=${id}`,
  noAuth:
    "ApiAuthStrategy - No authentication method provided. Either pass an API key as 'Bearer' header or OAuth client credentials as 'x-cal-secret-key' and 'x-cal-client-id' headers",
  invalidAccessToken: "ApiAuthStrategy - access token - Invalid access token",
  eventTypesDoNotExist: "The requested event-types do not exist.",
  slotsEventTypeNotFound: "Event Type not found",
} as const;

/** Anything a handler throws to produce an HTTP error. `plain` = Nest's default `{statusCode, message}` body. */
export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly opts: { code?: string; details?: unknown; plain?: boolean } = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) =>
  new SimHttpError(400, message, details === undefined ? {} : { details });
export const notFound = (message: string) => new SimHttpError(404, message);

/** class-validator style flattening used by Cal.com's version pipes: `<prop> property is wrong,<msgs> `. */
export function validationError(issues: Array<{ prop: string; message: string }>): SimHttpError {
  const byProp = new Map<string, string[]>();
  for (const issue of issues) byProp.set(issue.prop, [...(byProp.get(issue.prop) ?? []), issue.message]);
  const text = [...byProp].map(([prop, msgs]) => `${prop} property is wrong,${msgs.join(", ")} `).join(", ");
  return badRequest(text);
}

/** What Cal.com's global ValidationPipe answers: Nest's generic message, class-validator's errors as details. */
export type ValidationErrorItem = {
  target: Record<string, unknown>;
  value?: unknown;
  property: string;
  children: unknown[];
  constraints: Record<string, string>;
};
export const pipeValidationError = (errors: ValidationErrorItem[]) =>
  new SimHttpError(400, "Bad Request Exception", { details: { errors } });

/** Errors Cal.com's booking core raises with a code of its own (no `details`). */
export const codedBadRequest = (message: string) =>
  new SimHttpError(400, message, { code: "BAD_REQUEST", details: null });

export type ErrorBody = { status: number; body: unknown; headers: Record<string, string> };

export function errorResponse(err: SimHttpError, path: string, now: Date): ErrorBody {
  const headers = { "X-Request-Id": randomUUID() };
  if (err.opts.plain) return { status: err.status, headers, body: { statusCode: err.status, message: err.message } };
  const [code, reason] = REASONS[err.status] ?? ["HttpException", "Error"];
  const details =
    err.opts.details !== undefined
      ? err.opts.details
      : // ThrottlerException is built from a bare string, so Nest's getResponse() is that string.
        err.status === 429
        ? err.message
        : { message: err.message, error: reason, statusCode: err.status };
  return {
    status: err.status,
    headers,
    body: {
      status: "error",
      timestamp: now.toISOString(),
      path,
      error: { code: err.opts.code ?? code, message: err.message, ...(details === null ? {} : { details }) },
    },
  };
}

export const internalError = () => new SimHttpError(500, "Internal server error", { plain: true });

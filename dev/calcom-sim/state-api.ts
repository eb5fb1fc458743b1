import { z } from "zod";
import { findBooking, insertBooking } from "./booking-core";
import { addApiKey, addTeam, addUser } from "./state-accounts";
import type { AddApiKeyInput, AddTeamInput, AddUserInput } from "./state-accounts";
import { cancelBooking } from "./booking-lifecycle";
import type { SimCore } from "./context";
import { badRequest, MSG, notFound, SimHttpError } from "./errors";
import { type AddEventTypeInput, createEventTypeRecords, isManagedParent } from "./event-types";
import { parseIsoDateTime } from "./time";
import { instanceOf } from "./store";
import { adoptTeams } from "./teams";
import type {
  RequestLogEntry,
  SimAccount,
  SimBooking,
  SimEventType,
  SimSnapshot,
  SimTeam,
  SimUser,
  SimWebhook,
  WebhookDelivery,
} from "./types";
import { storeWebhook, type WebhookInput, type WebhookScope } from "./webhooks-routes";

/** In-process read/seed helpers (also behind the `/__sim/*` control API). Returned objects are copies. */

const addBookingSchema = z.object({
  eventTypeId: z.number().int(),
  start: z
    .string()
    .refine((v) => parseIsoDateTime(v) !== undefined, "start must be an ISO 8601 date-time with Z or offset"),
  end: z
    .string()
    .refine((v) => parseIsoDateTime(v) !== undefined, "end must be an ISO 8601 date-time")
    .optional(),
  lengthInMinutes: z.number().int().min(1).optional(),
  attendee: z
    .object({
      name: z.string(),
      email: z.string().optional(),
      phoneNumber: z.string().optional(),
      timeZone: z.string().optional(),
      language: z.string().optional(),
    })
    .optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  title: z.string().optional(),
  hostUserId: z.number().int().optional(),
  allowConflicts: z.boolean().optional(),
  allowPast: z.boolean().optional(),
});
export type AddBookingInput = z.input<typeof addBookingSchema>;
export type BookingFilter = { apiKey?: string; eventTypeId?: number; status?: SimBooking["status"] };

export type SimStateApi = {
  /** A user, optionally with weekly working hours (without, bookable around the clock). */
  addUser(input: AddUserInput): SimUser;
  /** An API key of a user; `accountKey` joins the instance of an existing key. */
  addApiKey(input: AddApiKeyInput): SimAccount;
  addTeam(input: AddTeamInput): SimTeam;
  /** As Cal.com creates them: 120 minutes notice and Cal Video unless the input says otherwise. */
  addEventType(input: AddEventTypeInput): SimEventType;
  listEventTypes(filter?: { apiKey?: string; parentEventTypeId?: number }): SimEventType[];
  getEventType(id: number): SimEventType | undefined;
  listBookings(filter?: BookingFilter): SimBooking[];
  getBooking(uid: string): SimBooking | undefined;
  addBooking(input: AddBookingInput): SimBooking;
  cancelBookingExternally(uid: string, reason?: string): SimBooking;
  deleteBooking(uid: string): boolean;
  /** A webhook of the key's user; `eventTypeId` or `teamId` scope it like Cal.com's event-type and team webhooks. */
  addWebhook(input: WebhookInput & WebhookScope & { apiKey: string }): SimWebhook;
  webhookDeliveries(): WebhookDelivery[];
  /** Parks every POST /v2/bookings between its availability check and its insert until released. */
  holdBookingCommits(): void;
  releaseBookingCommits(): void;
  /** How many creates are parked; `bookingCommitsHeld(n)` resolves once `n` are. */
  heldBookingCommits(): number;
  bookingCommitsHeld(n: number): Promise<void>;
  /** Resolves when every queued webhook delivery has finished (delivered or failed). */
  webhooksIdle(): Promise<void>;
  reset(): void;
  snapshot(): SimSnapshot;
  load(snapshot: SimSnapshot): void;
  requestLog(): RequestLogEntry[];
};

export function createStateApi(
  core: SimCore,
  extra: { requestLog: () => RequestLogEntry[]; resetAll: () => void },
): SimStateApi {
  const { store } = core;
  const copy = <T>(v: T): T => structuredClone(v);
  const instanceKey = (apiKey: string) => {
    const account = store.accounts.get(apiKey);
    return account ? instanceOf(account) : apiKey;
  };
  return {
    addUser: (input) => copy(addUser(store, input)),
    addApiKey: (input) => copy(addApiKey(store, input)),
    addTeam: (input) => copy(addTeam(store, input)),
    addEventType: (input) => copy(createEventTypeRecords(store, input, core.now())[0]!),
    listEventTypes: (filter = {}) =>
      copy(
        [...store.eventTypes.values()].filter(
          (et) =>
            (filter.apiKey === undefined || et.accountKey === instanceKey(filter.apiKey)) &&
            (filter.parentEventTypeId === undefined || et.parentEventTypeId === filter.parentEventTypeId),
        ),
      ),
    getEventType: (id) => copy(store.eventTypes.get(id)),
    listBookings: (filter = {}) =>
      copy(
        [...store.bookings.values()]
          .filter(
            (b) =>
              (filter.apiKey === undefined || b.accountKey === instanceKey(filter.apiKey)) &&
              (filter.eventTypeId === undefined || b.eventTypeId === filter.eventTypeId) &&
              (filter.status === undefined || b.status === filter.status),
          )
          .sort((a, b) => a.id - b.id),
      ),
    getBooking: (uid) => copy(store.bookings.get(uid)),
    addBooking(raw) {
      const input = addBookingSchema.parse(raw);
      const et = store.eventTypes.get(input.eventTypeId);
      if (!et) throw notFound(MSG.eventTypeNotFoundForBooking(input.eventTypeId));
      if (isManagedParent(et)) throw badRequest(MSG.managedParent(et.id));
      const hosts = input.hostUserId === undefined ? et.hosts : et.hosts.filter((h) => h.userId === input.hostUserId);
      if (hosts.length === 0) throw new SimHttpError(422, MSG.noHosts);
      const start = parseIsoDateTime(input.start)!;
      const end = input.end ? parseIsoDateTime(input.end)! : undefined;
      const a = input.attendee ?? { name: "Walk-in Guest", email: "walk-in@example.com" };
      const booking = insertBooking(core, {
        et: { ...et, hosts },
        start,
        lengthInMinutes:
          input.lengthInMinutes ?? (end ? Math.round((end.getTime() - start.getTime()) / 60_000) : undefined),
        attendee: {
          name: a.name,
          email: a.email ?? "",
          timeZone: a.timeZone ?? "Europe/Berlin",
          language: a.language ?? "de",
          ...(a.phoneNumber ? { phoneNumber: a.phoneNumber } : {}),
        },
        metadata: input.metadata,
        title: input.title,
        source: "external",
        allowConflicts: input.allowConflicts ?? false,
        allowPast: input.allowPast ?? false,
      });
      core.webhooks.emit("BOOKING_CREATED", booking);
      return copy(booking);
    },
    cancelBookingExternally(uid, reason) {
      const booking = findBooking(store, uid);
      if (!booking) throw notFound(MSG.cancelNotFound(uid));
      return copy(cancelBooking(core, booking, reason));
    },
    deleteBooking(uid) {
      const existed = store.bookings.delete(uid);
      if (existed) store.changed();
      return existed;
    },
    addWebhook: ({ apiKey, eventTypeId, teamId, ...input }) =>
      copy(storeWebhook(store, apiKey, input, core.now(), { eventTypeId, teamId })),
    webhookDeliveries: () => core.webhooks.list(),
    holdBookingCommits: () => core.commits.hold(),
    releaseBookingCommits: () => core.commits.release(),
    heldBookingCommits: () => core.commits.count(),
    bookingCommitsHeld: (n) => core.commits.whenHeld(n),
    webhooksIdle: () => core.webhooks.idle(),
    reset: () => extra.resetAll(),
    snapshot: () => store.snapshot(),
    load: (snapshot) => {
      store.load(snapshot);
      adoptTeams(store);
    },
    requestLog: () => copy(extra.requestLog()),
  };
}

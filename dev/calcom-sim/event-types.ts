import { z } from "zod";
import { instanceOf, type SimStore } from "./store";
import { addMember, ensureTeam } from "./teams";
import type { SchedulingType, SimEventType, SimLocation } from "./types";

/** Event type records: creation (managed parents get one child per host) and classification. */

/** What Cal.com gives an event type created without `minimumBookingNotice` / `locations`. */
export const DEFAULT_NOTICE_MINUTES = 120;
export const DEFAULT_LOCATIONS: SimLocation[] = [{ type: "integration", integration: "cal-video" }];

export const locationSchema = z.looseObject({ type: z.string({ error: "type must be a string" }) });

/** `{disabled:true}`, or a policy that makes Cal.com hold bookings until a host confirms them. */
export const confirmationPolicySchema = z.union(
  [
    z.object({ disabled: z.literal(true) }),
    z.looseObject({ type: z.enum(["always", "time"]), blockUnconfirmedBookingsInBooker: z.boolean().optional() }),
  ],
  { error: "confirmationPolicy must be {disabled: true} or have type always or time" },
);

export const schedulingTypeSchema = z
  .string()
  .transform((v) => v.replace(/[_\s-]/g, "").toLowerCase())
  .pipe(
    z.enum(["collective", "roundrobin", "managed"], {
      error: "schedulingType must be collective, roundRobin or managed",
    }),
  )
  .transform((v): SchedulingType => (v === "roundrobin" ? "roundRobin" : v));

export const addEventTypeSchema = z.object({
  apiKey: z.string().startsWith("cal_", { error: "apiKey must start with cal_" }),
  id: z.number().int().positive().optional(),
  title: z.string().min(1),
  slug: z.string().min(1).optional(),
  description: z.string().optional(),
  lengthInMinutes: z.number().int().min(1),
  lengthInMinutesOptions: z.array(z.number().int().min(1)).optional(),
  slotInterval: z.number().int().min(1).optional(),
  minimumBookingNotice: z.number().int().min(0).optional(),
  locations: z.array(locationSchema).optional(),
  hosts: z
    .array(
      z.object({
        userId: z.number().int().positive(),
        name: z.string().optional(),
        timeZone: z.string().optional(),
        mandatory: z.boolean().optional(),
        priority: z.string().optional(),
      }),
    )
    .optional(),
  schedulingType: schedulingTypeSchema.nullable().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  hidden: z.boolean().optional(),
  confirmationPolicy: confirmationPolicySchema.optional(),
  teamId: z.number().int().positive().optional(),
});
export type AddEventTypeInput = z.input<typeof addEventTypeSchema>;

export const slugify = (title: string) =>
  title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "event";

export const isManagedParent = (et: SimEventType) =>
  et.parentEventTypeId === undefined && (et.schedulingType === "managed" || "managedEventConfig" in et.metadata);

/** Team event types (not managed children) answer conflicts with the "One of the hosts…" text. */
export const isTeamEventType = (et: SimEventType) => et.teamId !== undefined || et.schedulingType !== null;

export const lengthOptions = (et: SimEventType): number[] | undefined => {
  const fromMeta = et.metadata.multipleDuration;
  if (et.lengthInMinutesOptions?.length) return et.lengthInMinutesOptions;
  return Array.isArray(fromMeta) && fromMeta.every((n) => typeof n === "number") ? (fromMeta as number[]) : undefined;
};

/** What a booking on the event type shows as `location`: Cal Video is `integrations:daily`. */
export function bookingLocation(et: SimEventType): string | undefined {
  const first = et.locations?.[0];
  if (!first) return undefined;
  if (first.type === "integration") {
    return first.integration === "cal-video" ? "integrations:daily" : `integrations:${first.integration}`;
  }
  for (const key of ["address", "link", "phone"]) if (typeof first[key] === "string") return first[key] as string;
  return undefined;
}

/** Stores an event type (and the children of a managed parent); returns [eventType, ...children]. */
export function createEventTypeRecords(store: SimStore, raw: AddEventTypeInput, now: Date): SimEventType[] {
  const input = addEventTypeSchema.parse(raw);
  if (input.id !== undefined && store.eventTypes.has(input.id))
    throw new Error(`event type id ${input.id} already exists`);
  const account = store.account(input.apiKey);
  const accountKey = instanceOf(account);
  const hosts = (input.hosts ?? [{ userId: account.userId }]).map((h) => {
    const user = store.ensureUser(h.userId, h.name, h.timeZone);
    return { userId: h.userId, name: user.name, mandatory: h.mandatory ?? false, priority: h.priority ?? "medium" };
  });
  const schedulingType = input.schedulingType ?? null;
  const metadata: Record<string, unknown> = { ...(input.metadata ?? {}) };
  if (schedulingType === "managed") metadata.managedEventConfig ??= {};
  if (input.lengthInMinutesOptions?.length) metadata.multipleDuration = input.lengthInMinutesOptions;
  const base = {
    accountKey,
    title: input.title,
    slug: input.slug ?? slugify(input.title),
    lengthInMinutes: input.lengthInMinutes,
    hidden: input.hidden ?? false,
    createdAt: now.toISOString(),
    minimumBookingNotice: input.minimumBookingNotice ?? DEFAULT_NOTICE_MINUTES,
    locations: input.locations ?? structuredClone(DEFAULT_LOCATIONS),
    metadata,
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.lengthInMinutesOptions ? { lengthInMinutesOptions: input.lengthInMinutesOptions } : {}),
    ...(input.slotInterval !== undefined ? { slotInterval: input.slotInterval } : {}),
    ...(input.confirmationPolicy ? { confirmationPolicy: input.confirmationPolicy } : {}),
  };
  const teamId = input.teamId ?? (schedulingType ? 1 : undefined);
  if (teamId !== undefined) {
    const team = ensureTeam(store, accountKey, teamId, account.userId);
    for (const h of hosts) addMember(store, team, h.userId);
  }
  const parent: SimEventType = {
    ...base,
    id: input.id ?? store.nextEventTypeId(),
    hosts,
    schedulingType,
    ownerId: teamId === undefined ? (hosts[0]?.userId ?? account.userId) : null,
    ...(teamId !== undefined ? { teamId } : {}),
  };
  store.eventTypes.set(parent.id, parent);
  const created = [parent];
  // Children are personal event types of their host; they keep the parent's metadata, managedEventConfig too.
  if (isManagedParent(parent)) {
    for (const host of hosts) {
      const child: SimEventType = {
        ...structuredClone(base),
        id: store.nextEventTypeId(),
        hosts: [host],
        schedulingType: null,
        ownerId: host.userId,
        parentEventTypeId: parent.id,
      };
      store.eventTypes.set(child.id, child);
      created.push(child);
    }
  }
  store.changed();
  return created;
}

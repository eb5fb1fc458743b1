import type { SimStore } from "./store";
import type { SimEventType } from "./types";

/**
 * EventTypeOutput_2024_06_14 (reference §5). One shape for user and team event types: the team keys
 * (`teamId`, `parentEventTypeId`, `hosts`, `schedulingType`) are always present or omitted when empty,
 * and `users` lists the hosts' user profiles as the user shape does.
 */
export function eventTypeOutput(store: SimStore, et: SimEventType): Record<string, unknown> {
  const users = et.hosts.map((h) => store.user(h.userId));
  return {
    id: et.id,
    lengthInMinutes: et.lengthInMinutes,
    ...(et.lengthInMinutesOptions ? { lengthInMinutesOptions: et.lengthInMinutesOptions } : {}),
    title: et.title,
    slug: et.slug,
    description: et.description ?? "",
    locations: [],
    bookingFields: [],
    disableGuests: false,
    slotInterval: et.slotInterval ?? null,
    minimumBookingNotice: 0,
    beforeEventBuffer: 0,
    afterEventBuffer: 0,
    recurrence: null,
    metadata: et.metadata,
    price: 0,
    currency: "usd",
    lockTimeZoneToggleOnBookingPage: false,
    seatsPerTimeSlot: null,
    isInstantEvent: false,
    scheduleId: null,
    hidden: et.hidden,
    ownerId: et.ownerId,
    ...(et.teamId !== undefined ? { teamId: et.teamId } : {}),
    ...(et.parentEventTypeId !== undefined ? { parentEventTypeId: et.parentEventTypeId } : {}),
    schedulingType: et.schedulingType,
    assignAllTeamMembers: false,
    hosts: et.hosts.map((h, i) => ({
      userId: h.userId,
      name: users[i]?.name,
      username: users[i]?.username,
      avatarUrl: null,
      mandatory: h.mandatory ?? false,
      priority: h.priority ?? "medium",
    })),
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      username: u.username,
      avatarUrl: null,
      weekStart: "Monday",
      brandColor: null,
      darkBrandColor: null,
      metadata: {},
    })),
  };
}

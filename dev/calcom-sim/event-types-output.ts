import type { SimStore } from "./store";
import type { SimEventType } from "./types";

/**
 * EventTypeOutput_2024_06_14 as recorded: team event types (and the children in a managed create
 * answer) in the team shape with hosts/teamId/schedulingType; personal event types, managed
 * children included, in the user shape with `users` and no team keys.
 */

const field = (type: string, slug: string, extra: Record<string, unknown>) => ({
  isDefault: true,
  type,
  slug,
  ...extra,
});
/** Cal.com's default booking fields: e-mail required, phone not asked for. */
export const DEFAULT_BOOKING_FIELDS = [
  field("name", "name", { required: true, label: "your_name", disableOnPrefill: false }),
  field("email", "email", { required: true, disableOnPrefill: false, hidden: false }),
  field("radioInput", "location", { required: false, hidden: false }),
  field("text", "title", { required: true, disableOnPrefill: false, hidden: true }),
  field("textarea", "notes", { required: false, disableOnPrefill: false, hidden: false }),
  field("multiemail", "guests", { required: false, disableOnPrefill: false, hidden: false }),
  field("textarea", "rescheduleReason", { required: false, disableOnPrefill: false, hidden: false }),
];

const SETTINGS_A = {
  price: 0,
  currency: "usd",
  lockTimeZoneToggleOnBookingPage: false,
  forwardParamsSuccessRedirect: true,
};
const SETTINGS_B = {
  scheduleId: null,
  onlyShowFirstAvailableSlot: false,
  offsetStart: 0,
  bookingWindow: { disabled: true },
  confirmationPolicy: { disabled: true },
  requiresBookerEmailVerification: false,
  hideCalendarNotes: false,
  seats: { disabled: true },
  useDestinationCalendarEmail: false,
  hideCalendarEventDetails: false,
  hideOrganizerEmail: false,
  calVideoSettings: { sendTranscriptionEmails: true },
};
const SETTINGS_C = {
  disableCancelling: { disabled: false },
  disableRescheduling: { disabled: false },
  interfaceLanguage: null,
  allowReschedulingPastBookings: false,
  allowReschedulingCancelledBookings: false,
  showOptimizedSlots: false,
};

function common(store: SimStore, et: SimEventType) {
  const owner = et.ownerId === null ? undefined : store.user(et.ownerId);
  return {
    head: {
      lengthInMinutes: et.lengthInMinutes,
      ...(et.lengthInMinutesOptions ? { lengthInMinutesOptions: et.lengthInMinutesOptions } : {}),
      title: et.title,
      slug: et.slug,
      description: et.description ?? "",
      locations: et.locations ?? [],
      bookingFields: DEFAULT_BOOKING_FIELDS,
      recurrence: null,
      disableGuests: false,
      slotInterval: et.slotInterval ?? null,
      minimumBookingNotice: et.minimumBookingNotice ?? 0,
      beforeEventBuffer: 0,
      afterEventBuffer: 0,
      metadata: et.metadata,
      ...SETTINGS_A,
      successRedirectUrl: null,
      isInstantEvent: false,
    },
    middle: {
      ...SETTINGS_B,
      confirmationPolicy: et.confirmationPolicy ?? SETTINGS_B.confirmationPolicy,
      hidden: et.hidden,
      bookingRequiresAuthentication: false,
      bookerActiveBookingsLimit: { disabled: true },
    },
    bookingUrl: owner ? `https://cal.com/${owner.username}/${et.slug}` : "",
  };
}

export function teamEventTypeOutput(store: SimStore, et: SimEventType, detailedTeam = false): Record<string, unknown> {
  const { head, middle, bookingUrl } = common(store, et);
  const team = et.teamId === undefined ? undefined : store.team(et.accountKey, et.teamId);
  const teamOut = !team ? { id: et.teamId ?? null } : detailedTeam ? teamDetails(team) : { id: team.id };
  const child = et.parentEventTypeId !== undefined;
  return {
    id: et.id,
    ...head,
    ...middle,
    bookingUrl,
    ...SETTINGS_C,
    hosts: child ? [] : et.hosts.map((h) => ({ userId: h.userId, ...userCard(store, h.userId) })),
    teamId: et.teamId ?? null,
    ownerId: et.ownerId,
    parentEventTypeId: et.parentEventTypeId ?? null,
    schedulingType: et.schedulingType,
    ...(child ? {} : { assignAllTeamMembers: false }),
    team: teamOut,
    rescheduleWithSameRoundRobinHost: false,
    rrHostSubsetEnabled: false,
  };
}

export function userEventTypeOutput(store: SimStore, et: SimEventType): Record<string, unknown> {
  const { head, middle, bookingUrl } = common(store, et);
  const users = et.hosts.map((h) => store.user(h.userId));
  return {
    id: et.id,
    ownerId: et.ownerId,
    ...head,
    users: users.map((u) => ({
      id: u.id,
      ...userCard(store, u.id),
      brandColor: null,
      darkBrandColor: null,
      weekStart: "Monday",
      metadata: {},
    })),
    ...middle,
    bookingUrl,
    ...SETTINGS_C,
  };
}

/** The shape GET /v2/event-types/{id} answers with. */
export const eventTypeOutput = (store: SimStore, et: SimEventType) =>
  et.teamId !== undefined ? teamEventTypeOutput(store, et) : userEventTypeOutput(store, et);

function userCard(store: SimStore, id: number) {
  const u = store.user(id);
  return { name: u.name, username: u.username, avatarUrl: null };
}

function teamDetails(team: { id: number; name: string; slug: string }) {
  const colors = { brandColor: null, darkBrandColor: null, theme: null };
  return {
    id: team.id,
    name: team.name,
    slug: team.slug,
    bannerUrl: null,
    logoUrl: null,
    weekStart: "Sunday",
    ...colors,
  };
}

import type { CalcomEventType } from "..";

/**
 * Parent or child of a managed event type, by the fields Cal.com really sends
 * (managed-event-type-booking.json): both carry metadata {managedEventConfig:{}}, so metadata tells
 * nothing; only the parent has `schedulingType: "managed"` (with its teamId).
 */
export const isManagedParent = (et: CalcomEventType) => et.schedulingType?.toLowerCase() === "managed";

const hasManagedConfig = (et: CalcomEventType) => Boolean(et.metadata && "managedEventConfig" in et.metadata);

/**
 * A child read through GET /v2/event-types/{id}: no schedulingType, no parentEventTypeId, no teamId,
 * ownerId = the assignee. The create answer does name its parent, so parentEventTypeId counts too.
 */
export const isManagedChild = (et: CalcomEventType) =>
  !isManagedParent(et) &&
  (et.parentEventTypeId != null ||
    (!et.schedulingType && et.teamId == null && et.ownerId != null && hasManagedConfig(et)));

/** Children keep their parent's slug, so a child's parent is the team's managed type with that slug. */
export const parentOf = (child: CalcomEventType, teamTypes: CalcomEventType[]) =>
  teamTypes.find((et) => {
    if (!isManagedParent(et)) return false;
    return child.parentEventTypeId != null ? et.id === child.parentEventTypeId : et.slug === child.slug;
  });

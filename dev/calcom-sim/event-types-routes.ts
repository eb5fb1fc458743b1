import { z } from "zod";
import { type RouteCtx, type RouteResult, requireAccount, success } from "./context";
import { SimHttpError, badRequest, MSG, notFound } from "./errors";
import { confirmationPolicySchema, createEventTypeRecords, locationSchema, schedulingTypeSchema } from "./event-types";
import { eventTypeOutput, teamEventTypeOutput } from "./event-types-output";
import { parseBody } from "./http";
import { instanceOf } from "./store";
import { canSeeEventType, requireTeamRole } from "./teams";
import type { SimEventType } from "./types";

/** /v2/event-types (2024-06-14) and /v2/teams/{teamId}/event-types (version-neutral). */

export const baseBody = {
  lengthInMinutes: z
    .number({ error: "lengthInMinutes must be an integer number" })
    .int()
    .min(1, "lengthInMinutes must not be less than 1"),
  title: z.string({ error: "title must be a string" }),
  slug: z.string({ error: "slug must be a string" }),
  lengthInMinutesOptions: z
    .array(z.number().int().min(1), { error: "lengthInMinutesOptions must be an array" })
    .optional(),
  description: z.string().optional(),
  slotInterval: z.number().int().min(1).optional(),
  minimumBookingNotice: z.number({ error: "minimumBookingNotice must be an integer number" }).int().min(0).optional(),
  locations: z.array(locationSchema, { error: "locations must be an array" }).optional(),
  hidden: z.boolean().optional(),
  confirmationPolicy: confirmationPolicySchema.optional(),
};
const userBody = z.object(baseBody);
export const hostsSchema = z.array(
  z.object({
    userId: z.number().int().positive(),
    mandatory: z.boolean().optional(),
    priority: z.string().optional(),
  }),
);
const teamBody = z.object({
  ...baseBody,
  schedulingType: schedulingTypeSchema,
  hosts: hostsSchema.optional(),
  assignAllTeamMembers: z.boolean().optional(),
});

export const idParam = (raw: string | undefined) => {
  if (!raw || !/^\d+$/.test(raw)) throw badRequest("Validation failed (numeric string is expected)");
  return Number(raw);
};

export function checkLengths(body: { lengthInMinutes: number; lengthInMinutesOptions?: number[] | undefined }) {
  if (body.lengthInMinutesOptions && !body.lengthInMinutesOptions.includes(body.lengthInMinutes)) {
    throw badRequest("lengthInMinutesOptions must include lengthInMinutes");
  }
}

const sorted = (list: SimEventType[]) => list.sort((a, b) => a.id - b.id);
const eventTypes = (ctx: RouteCtx) => [...ctx.core.store.eventTypes.values()];

/** The caller's personal event types (managed children assigned to them included); team ones are not listed. */
export function listEventTypes(ctx: RouteCtx): RouteResult {
  const account = requireAccount(ctx);
  const slug = ctx.url.searchParams.get("eventSlug");
  const own = eventTypes(ctx).filter(
    (et) =>
      et.teamId === undefined &&
      canSeeEventType(ctx.core.store, account, et) &&
      (et.ownerId === account.userId || et.ownerId === null),
  );
  return success(
    sorted(own.filter((et) => !slug || et.slug === slug)).map((et) => eventTypeOutput(ctx.core.store, et)),
  );
}

export function getEventType(ctx: RouteCtx): RouteResult {
  const account = requireAccount(ctx);
  const id = idParam(ctx.params.id);
  const et = ctx.core.store.eventTypes.get(id);
  if (!et || !canSeeEventType(ctx.core.store, account, et)) throw notFound(MSG.eventTypeNotFound(id));
  return success(eventTypeOutput(ctx.core.store, et));
}

export function createUserEventType(ctx: RouteCtx): RouteResult {
  const account = requireAccount(ctx);
  const body = parseBody(userBody, ctx.body);
  checkLengths(body);
  const store = ctx.core.store;
  const taken = eventTypes(ctx).some(
    (et) =>
      et.accountKey === instanceOf(account) &&
      et.teamId === undefined &&
      et.ownerId === account.userId &&
      et.slug === body.slug,
  );
  if (taken)
    throw new SimHttpError(400, "URL Slug already exists for given user.", { code: "TRPCError", details: null });
  const [et] = createEventTypeRecords(store, { ...body, apiKey: account.apiKey }, ctx.core.now());
  return success(eventTypeOutput(store, et!), 201);
}

export function listTeamEventTypes(ctx: RouteCtx): RouteResult {
  const account = requireAccount(ctx);
  const team = requireTeamRole(ctx.core.store, account, idParam(ctx.params.teamId), "MEMBER");
  const slug = ctx.url.searchParams.get("eventSlug");
  const list = eventTypes(ctx).filter(
    (et) => et.accountKey === team.accountKey && et.teamId === team.id && (!slug || et.slug === slug),
  );
  return success(sorted(list).map((et) => teamEventTypeOutput(ctx.core.store, et, true)));
}

export function getTeamEventType(ctx: RouteCtx): RouteResult {
  const account = requireAccount(ctx);
  const team = requireTeamRole(ctx.core.store, account, idParam(ctx.params.teamId), "MEMBER");
  const id = idParam(ctx.params.id);
  const et = ctx.core.store.eventTypes.get(id);
  if (!et || et.accountKey !== team.accountKey || et.teamId !== team.id) throw notFound(MSG.eventTypeNotFound(id));
  return success(teamEventTypeOutput(ctx.core.store, et));
}

export function createTeamEventType(ctx: RouteCtx): RouteResult {
  const account = requireAccount(ctx);
  const store = ctx.core.store;
  const team = requireTeamRole(store, account, idParam(ctx.params.teamId), "ADMIN");
  const body = parseBody(teamBody, ctx.body);
  checkLengths(body);
  if (body.hosts && body.assignAllTeamMembers)
    throw badRequest("Provide either hosts or assignAllTeamMembers, not both.");
  const taken = eventTypes(ctx).some(
    (et) => et.accountKey === team.accountKey && et.teamId === team.id && et.slug === body.slug,
  );
  if (taken) throw badRequest("Team event type with this slug already exists");
  const { hosts, assignAllTeamMembers, schedulingType, ...rest } = body;
  const members = team.members.map((m) => ({ userId: m.userId }));
  const created = createEventTypeRecords(
    store,
    {
      ...rest,
      apiKey: account.apiKey,
      teamId: team.id,
      schedulingType,
      hosts: assignAllTeamMembers ? members : (hosts ?? []),
    },
    ctx.core.now(),
  );
  const out = created.map((et) => teamEventTypeOutput(store, et));
  // Cal.com answers a managed team event type with the parent followed by its children.
  return success(schedulingType === "managed" ? out : out[0], 201);
}

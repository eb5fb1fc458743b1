import { z } from "zod";
import { type RouteCtx, type RouteResult, requireAccount, success } from "./context";
import { SimHttpError, badRequest, MSG, notFound } from "./errors";
import { createEventTypeRecords, schedulingTypeSchema } from "./event-types";
import { parseBody } from "./http";
import { eventTypeOutput } from "./event-types-output";
import type { SimEventType } from "./types";

/** /v2/event-types (2024-06-14) and /v2/teams/{teamId}/event-types (any known version). */

const baseBody = {
  lengthInMinutes: z.number({ error: "lengthInMinutes must be an integer number" }).int().min(1, "lengthInMinutes must not be less than 1"),
  title: z.string({ error: "title must be a string" }),
  slug: z.string({ error: "slug must be a string" }),
  lengthInMinutesOptions: z.array(z.number().int().min(1), { error: "lengthInMinutesOptions must be an array" }).optional(),
  description: z.string().optional(),
  slotInterval: z.number().int().min(1).optional(),
  hidden: z.boolean().optional(),
};
const userBody = z.object(baseBody);
const teamBody = z.object({
  ...baseBody,
  schedulingType: schedulingTypeSchema,
  hosts: z
    .array(z.object({ userId: z.number().int().positive(), mandatory: z.boolean().optional(), priority: z.string().optional() }))
    .optional(),
  assignAllTeamMembers: z.boolean().optional(),
});

const idParam = (raw: string | undefined) => {
  const id = Number(raw);
  if (!raw || !/^\d+$/.test(raw)) throw badRequest("Validation failed (numeric string is expected)");
  return id;
};

function checkLengths(body: { lengthInMinutes: number; lengthInMinutesOptions?: number[] | undefined }) {
  if (body.lengthInMinutesOptions && !body.lengthInMinutesOptions.includes(body.lengthInMinutes)) {
    throw badRequest("lengthInMinutesOptions must include lengthInMinutes");
  }
}

const sorted = (list: SimEventType[]) => list.sort((a, b) => a.id - b.id);

export function listEventTypes(ctx: RouteCtx): RouteResult {
  const account = requireAccount(ctx);
  const slug = ctx.url.searchParams.get("eventSlug");
  const list = [...ctx.core.store.eventTypes.values()].filter(
    (et) => et.accountKey === account.apiKey && et.teamId === undefined && (!slug || et.slug === slug),
  );
  return success(sorted(list).map((et) => eventTypeOutput(ctx.core.store, et)));
}

export function getEventType(ctx: RouteCtx): RouteResult {
  const account = requireAccount(ctx);
  const id = idParam(ctx.params.id);
  const et = ctx.core.store.eventTypes.get(id);
  const teamId = ctx.params.teamId;
  if (!et || et.accountKey !== account.apiKey || (teamId !== undefined && String(et.teamId) !== teamId)) {
    throw notFound(MSG.eventTypeNotFound(id));
  }
  return success(eventTypeOutput(ctx.core.store, et));
}

export function createUserEventType(ctx: RouteCtx): RouteResult {
  const account = requireAccount(ctx);
  const body = parseBody(userBody, ctx.body);
  checkLengths(body);
  const store = ctx.core.store;
  const taken = [...store.eventTypes.values()].some(
    (et) => et.accountKey === account.apiKey && et.teamId === undefined && et.ownerId === account.userId && et.slug === body.slug,
  );
  if (taken) throw new SimHttpError(400, "URL Slug already exists for given user.", { code: "TRPCError", details: null });
  const [et] = createEventTypeRecords(store, { ...body, apiKey: account.apiKey }, ctx.core.now());
  return success(eventTypeOutput(store, et!), 201);
}

export function listTeamEventTypes(ctx: RouteCtx): RouteResult {
  const account = requireAccount(ctx);
  const teamId = Number(idParam(ctx.params.teamId));
  const slug = ctx.url.searchParams.get("eventSlug");
  const list = [...ctx.core.store.eventTypes.values()].filter(
    (et) => et.accountKey === account.apiKey && et.teamId === teamId && (!slug || et.slug === slug),
  );
  return success(sorted(list).map((et) => eventTypeOutput(ctx.core.store, et)));
}

export function createTeamEventType(ctx: RouteCtx): RouteResult {
  const account = requireAccount(ctx);
  const teamId = idParam(ctx.params.teamId);
  const body = parseBody(teamBody, ctx.body);
  checkLengths(body);
  if (body.hosts && body.assignAllTeamMembers) throw badRequest("Provide either hosts or assignAllTeamMembers, not both.");
  const store = ctx.core.store;
  const taken = [...store.eventTypes.values()].some(
    (et) => et.accountKey === account.apiKey && et.teamId === teamId && et.slug === body.slug,
  );
  if (taken) throw badRequest("Team event type with this slug already exists");
  const { hosts, assignAllTeamMembers, schedulingType, ...rest } = body;
  const created = createEventTypeRecords(
    store,
    {
      ...rest,
      apiKey: account.apiKey,
      teamId,
      schedulingType,
      hosts: assignAllTeamMembers ? [{ userId: account.userId }] : (hosts ?? []),
      ...(schedulingType === "managed" ? { metadata: { managedEventConfig: {} } } : {}),
    },
    ctx.core.now(),
  );
  const out = created.map((et) => eventTypeOutput(store, et));
  // Cal.com answers a managed team event type with the parent followed by its children.
  return success(schedulingType === "managed" ? out : out[0], 201);
}

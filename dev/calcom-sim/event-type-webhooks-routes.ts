import { type RouteCtx, type RouteResult, requireAccount, success } from "./context";
import { MSG, notFound } from "./errors";
import { parseBody } from "./http";
import { requireTeamRole } from "./teams";
import type { SimWebhook } from "./types";
import { storeWebhook, webhookInputSchema, webhookOutput } from "./webhooks-routes";

/**
 * /v2/teams/{teamId}/event-types/{id}/webhooks[/{webhookId}], version-neutral: create and change need a
 * team admin, reading a member (Cal.com's TeamsEventTypesWebhooksController).
 */

function teamEventType(ctx: RouteCtx, minimum: "ADMIN" | "MEMBER") {
  const account = requireAccount(ctx);
  const team = requireTeamRole(ctx.core.store, account, Number(ctx.params.teamId), minimum);
  const id = Number(ctx.params.id);
  const et = ctx.core.store.eventTypes.get(id);
  if (!et || et.accountKey !== team.accountKey || et.teamId !== team.id)
    throw notFound(MSG.eventTypeNotFound(ctx.params.id ?? ""));
  return { account, et };
}

const hooksOf = (ctx: RouteCtx, etId: number) =>
  [...ctx.core.store.webhooks.values()].filter((w) => w.eventTypeId === etId);

function findHook(ctx: RouteCtx, minimum: "ADMIN" | "MEMBER"): SimWebhook {
  const { et } = teamEventType(ctx, minimum);
  const hook = hooksOf(ctx, et.id).find((w) => w.id === ctx.params.webhookId);
  if (!hook) throw notFound(`Webhook with id ${ctx.params.webhookId} not found`);
  return hook;
}

export function createEventTypeWebhook(ctx: RouteCtx): RouteResult {
  const { account, et } = teamEventType(ctx, "ADMIN");
  const input = parseBody(webhookInputSchema, ctx.body);
  const hook = storeWebhook(ctx.core.store, account.apiKey, input, ctx.core.now(), { eventTypeId: et.id });
  return success(webhookOutput(hook), 201);
}

/** `take` (default 250) and `skip` as Cal.com's SkipTakePagination. */
export function listEventTypeWebhooks(ctx: RouteCtx): RouteResult {
  const { et } = teamEventType(ctx, "MEMBER");
  const skip = Number(ctx.url.searchParams.get("skip") ?? 0) || 0;
  const take = Number(ctx.url.searchParams.get("take") ?? 250) || 250;
  return success(
    hooksOf(ctx, et.id)
      .slice(skip, skip + take)
      .map(webhookOutput),
  );
}

export const getEventTypeWebhook = (ctx: RouteCtx): RouteResult => success(webhookOutput(findHook(ctx, "MEMBER")));

/** Changes only what the body names; an empty secret is kept as it is. */
export function updateEventTypeWebhook(ctx: RouteCtx): RouteResult {
  const hook = findHook(ctx, "ADMIN");
  const patch = parseBody(webhookInputSchema.partial(), ctx.body);
  if (patch.subscriberUrl !== undefined) hook.subscriberUrl = patch.subscriberUrl;
  if (patch.triggers !== undefined) hook.triggers = patch.triggers;
  if (patch.active !== undefined) hook.active = patch.active;
  if (patch.payloadTemplate !== undefined) hook.payloadTemplate = patch.payloadTemplate;
  if (patch.secret) hook.secret = patch.secret;
  ctx.core.store.changed();
  return success(webhookOutput(hook));
}

export function deleteEventTypeWebhook(ctx: RouteCtx): RouteResult {
  const hook = findHook(ctx, "ADMIN");
  ctx.core.store.webhooks.delete(hook.id);
  ctx.core.store.changed();
  return success(webhookOutput(hook));
}

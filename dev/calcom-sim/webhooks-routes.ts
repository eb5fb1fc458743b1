import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type RouteCtx, type RouteResult, requireAccount, success } from "./context";
import { notFound } from "./errors";
import { instanceOf, type SimStore } from "./store";
import type { SimWebhook } from "./types";
import { parseBody } from "./http";

/** /v2/webhooks (user webhooks), version-neutral; event-type webhooks are in event-type-webhooks-routes.ts. */

export const WEBHOOK_TRIGGERS = [
  "BOOKING_CREATED", "BOOKING_PAYMENT_INITIATED", "BOOKING_PAID", "BOOKING_RESCHEDULED", "BOOKING_REQUESTED",
  "BOOKING_CANCELLED", "BOOKING_REJECTED", "BOOKING_NO_SHOW_UPDATED", "FORM_SUBMITTED", "MEETING_ENDED",
  "MEETING_STARTED", "RECORDING_READY", "INSTANT_MEETING", "RECORDING_TRANSCRIPTION_GENERATED", "OOO_CREATED",
  "AFTER_HOSTS_CAL_VIDEO_NO_SHOW", "AFTER_GUESTS_CAL_VIDEO_NO_SHOW", "FORM_SUBMITTED_NO_EVENT",
  "ROUTING_FORM_FALLBACK_HIT", "DELEGATION_CREDENTIAL_ERROR", "WRONG_ASSIGNMENT_REPORT",
] as const; // prettier-ignore

export const webhookInputSchema = z.object({
  subscriberUrl: z.url({ error: "subscriberUrl must be a URL address" }),
  triggers: z.array(
    z.enum(WEBHOOK_TRIGGERS, { error: `each value in triggers must be one of: ${WEBHOOK_TRIGGERS.join(", ")}` }),
    {
      error: "triggers must be an array",
    },
  ),
  active: z.boolean({ error: "active must be a boolean value" }).optional(),
  secret: z.string({ error: "secret must be a string" }).optional(),
  payloadTemplate: z.string().optional(),
});
export type WebhookInput = z.input<typeof webhookInputSchema>;

export type WebhookScope = { eventTypeId?: number | undefined; teamId?: number | undefined };

export function storeWebhook(
  store: SimStore,
  apiKey: string,
  input: WebhookInput,
  now: Date,
  scope: WebhookScope = {},
): SimWebhook {
  const body = webhookInputSchema.parse(input);
  const account = store.account(apiKey);
  const hook: SimWebhook = {
    id: randomUUID(),
    accountKey: instanceOf(account),
    userId: account.userId,
    ...(scope.eventTypeId !== undefined ? { eventTypeId: scope.eventTypeId } : {}),
    ...(scope.teamId !== undefined ? { teamId: scope.teamId } : {}),
    subscriberUrl: body.subscriberUrl,
    triggers: body.triggers,
    active: body.active ?? true,
    payloadTemplate: body.payloadTemplate ?? null,
    createdAt: now.toISOString(),
    ...(body.secret ? { secret: body.secret } : {}),
  };
  store.webhooks.set(hook.id, hook);
  store.changed();
  return hook;
}

export const webhookOutput = (w: SimWebhook) => ({
  id: w.id,
  payloadTemplate: w.payloadTemplate ?? null,
  triggers: w.triggers,
  subscriberUrl: w.subscriberUrl,
  active: w.active,
  ...(w.secret ? { secret: w.secret } : {}),
  ...(w.eventTypeId !== undefined
    ? { eventTypeId: w.eventTypeId }
    : w.teamId !== undefined
      ? { teamId: w.teamId }
      : { userId: w.userId }),
});

const userHooks = (ctx: RouteCtx) => {
  const account = requireAccount(ctx);
  return [...ctx.core.store.webhooks.values()].filter(
    (w) =>
      w.accountKey === instanceOf(account) &&
      w.userId === account.userId &&
      w.eventTypeId === undefined &&
      w.teamId === undefined,
  );
};

function findOwn(ctx: RouteCtx): SimWebhook {
  const hook = userHooks(ctx).find((w) => w.id === ctx.params.id);
  if (!hook) throw notFound(`Webhook with id ${ctx.params.id} not found`);
  return hook;
}

export function createWebhook(ctx: RouteCtx): RouteResult {
  const account = requireAccount(ctx);
  const input = parseBody(webhookInputSchema, ctx.body);
  return success(webhookOutput(storeWebhook(ctx.core.store, account.apiKey, input, ctx.core.now())), 201);
}

export const listWebhooks = (ctx: RouteCtx): RouteResult => success(userHooks(ctx).map(webhookOutput));

export const getWebhook = (ctx: RouteCtx): RouteResult => success(webhookOutput(findOwn(ctx)));

export function deleteWebhook(ctx: RouteCtx): RouteResult {
  const hook = findOwn(ctx);
  ctx.core.store.webhooks.delete(hook.id);
  ctx.core.store.changed();
  return success(webhookOutput(hook));
}

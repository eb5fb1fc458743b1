import { sql } from "drizzle-orm";
import type { Ctx } from "../../context";
import { decryptOptional } from "../../crypto";
import { calcomEventTypeWebhooks } from "../../db";
import { AppError } from "../../errors";
import { CalcomClient, type WebhookInput, calcomTargetFor } from "..";
import { auditEventTypes, type HealthRow } from "./event-type-health";
import { forgetWebhookLists } from "./webhook-lists";
import { WEBHOOK_TRIGGERS, webhookUrlFor } from "./webhook-subscription";

export type WebhookAction = {
  /** The team event type the webhook lives on (a managed child's parent for children). */
  eventTypeId: number;
  title: string;
  /** "Service · Segment · Mitarbeiter" of every mapping this webhook serves. */
  mappings: string[];
  action: "register" | "repair" | "keep" | "skip";
  reason: string;
  webhookId: string | null;
};
export type WebhookCounts = { registered: number; repaired: number; kept: number; skipped: number };

export const NO_SECRET =
  "Bitte zuerst ein Webhook-Secret in den Einstellungen hinterlegen – ohne Secret lehnt SlotDesk die Meldungen ab.";
const NO_TEAM = "Für die Webhooks fehlt die Cal.com-Team-ID in den Einstellungen.";

const ACTION_OF: Record<HealthRow["webhook"]["status"], WebhookAction["action"]> = {
  ok: "keep",
  missing: "register",
  inactive: "repair",
  wrong_url: "repair",
  wrong_secret: "repair",
  missing_triggers: "repair",
  unknown: "skip",
  unchecked: "skip",
};

/**
 * One step per event type that carries (or should carry) SlotDesk's webhook, judged from what Cal.com
 * lists for it (lists up to `maxAgeMs` old count only where they show a correct webhook). Mappings
 * whose event type is itself broken are left to provisioning.
 */
export async function planWebhooks(input: { ctx: Ctx; rows?: HealthRow[]; maxAgeMs?: number }) {
  const { ctx, rows, maxAgeMs = 0 } = input;
  const audit = rows ?? (await auditEventTypes({ ctx, webhookMaxAgeMs: maxAgeMs }));
  const steps = new Map<number, WebhookAction>();
  for (const r of audit) {
    const home = r.webhookEventTypeId ?? (r.webhook.status === "unknown" ? r.eventTypeId : null);
    if (home === null) continue;
    const mapping = `${r.serviceName} · ${r.segmentKey} ${r.segmentName} · ${r.staffName}`;
    const known = steps.get(home);
    if (known) {
      known.mappings.push(mapping);
      continue;
    }
    const action = ACTION_OF[r.webhook.status];
    steps.set(home, {
      eventTypeId: home,
      title: r.calcomTitle ?? `Event-Typ ${home}`,
      mappings: [mapping],
      action,
      reason: r.webhook.detail,
      webhookId: r.webhook.webhookId,
    });
  }
  return [...steps.values()];
}

async function remember(ctx: Ctx, eventTypeId: number, webhookId: string, subscriberUrl: string) {
  await ctx.db
    .insert(calcomEventTypeWebhooks)
    .values({ companyId: ctx.company.id, eventTypeId, webhookId, subscriberUrl })
    .onConflictDoUpdate({
      target: [calcomEventTypeWebhooks.companyId, calcomEventTypeWebhooks.eventTypeId],
      set: { webhookId, subscriberUrl, updatedAt: sql`now()` },
    });
}

type Run = { ctx: Ctx; client: CalcomClient; teamId: number | null; wanted: WebhookInput; counts: WebhookCounts };

async function applyStep({ ctx, client, teamId, wanted, counts }: Run, step: WebhookAction) {
  if (step.action === "skip") {
    counts.skipped++;
  } else if (step.action === "keep") {
    counts.kept++;
    await remember(ctx, step.eventTypeId, step.webhookId!, wanted.subscriberUrl);
  } else if (step.action === "repair") {
    const hook = await client.updateEventTypeWebhook(teamId!, step.eventTypeId, step.webhookId!, wanted);
    counts.repaired++;
    await remember(ctx, step.eventTypeId, hook.id, hook.subscriberUrl);
  } else {
    const hook = await client.createEventTypeWebhook(teamId!, step.eventTypeId, wanted);
    counts.registered++;
    await remember(ctx, step.eventTypeId, hook.id, hook.subscriberUrl);
  }
}

/**
 * Registers missing webhooks and repairs wrong ones (URL, active, triggers, secret); every webhook
 * SlotDesk relies on ends up in calcom_event_type_webhooks. Planned from Cal.com's real list, so a
 * second run registers nothing.
 */
export async function applyWebhooks({ ctx, plan }: { ctx: Ctx; plan: WebhookAction[] }): Promise<WebhookCounts> {
  const teamId = ctx.company.calcomTeamId;
  const secret = decryptOptional(ctx.company.calcomWebhookSecretEncrypted);
  const writes = plan.some((p) => p.action === "register" || p.action === "repair");
  if (writes && !teamId) throw new AppError("VALIDATION", NO_TEAM);
  if (writes && !secret) throw new AppError("VALIDATION", NO_SECRET);
  const target = calcomTargetFor(ctx.company);
  const client = new CalcomClient({ baseUrl: target.baseUrl, apiKey: target.apiKey, publicOnly: target.publicOnly });
  const subscriberUrl = webhookUrlFor(ctx.company.id);
  const wanted = { subscriberUrl, triggers: [...WEBHOOK_TRIGGERS], active: true, secret: secret ?? "" };
  const run: Run = { ctx, client, teamId, wanted, counts: { registered: 0, repaired: 0, kept: 0, skipped: 0 } };
  try {
    for (const step of plan) await applyStep(run, step);
  } finally {
    const changed = plan.filter((p) => p.action === "register" || p.action === "repair").map((p) => p.eventTypeId);
    forgetWebhookLists(ctx.company.id, changed);
  }
  return run.counts;
}

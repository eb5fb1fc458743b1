import { eq } from "drizzle-orm";
import type { Ctx } from "../../context";
import { decryptOptional } from "../../crypto";
import { calcomEventTypeWebhooks } from "../../db";
import { type CalcomClient, CalcomError, type CalcomEventType, type CalcomWebhook } from "..";
import { readWebhookLists } from "./webhook-lists";
import type { EventTypeHealth, HealthRow } from "./event-type-health";
import { isManagedChild, parentOf } from "./event-type-kind";
import { type ExpectedWebhook, findOurs, judgeWebhook, type WebhookState, webhookUrlFor } from "./webhook-subscription";

const unknown = (detail: string): WebhookState => ({ status: "unknown", detail, webhookId: null });
const unchecked = (detail = "–"): WebhookState => ({ status: "unchecked", detail, webhookId: null });
const UNCHECKED = unchecked();
const PERSONAL = "Persönlicher Event-Typ – SlotDesk richtet hier keinen Webhook ein.";

type HomeInput = {
  et: CalcomEventType | null | undefined;
  status: EventTypeHealth;
  recordedParent: number | null;
  team: CalcomEventType[];
  teamId: number | null;
};

/**
 * The team event type whose webhook delivers this mapping's bookings: the type itself, or for a managed
 * child its parent (Cal.com fires a parent's webhooks for its children; children take no team webhooks).
 */
export function webhookHome({ et, status, recordedParent, team, teamId }: HomeInput) {
  const none = (state: WebhookState) => ({ eventTypeId: null, state });
  if (!et || status === "missing" || status === "not_found" || status === "managed_parent") return none(UNCHECKED);
  // Without a team (or on a personal type) Cal.com's account webhooks do fire; SlotDesk cannot check those.
  if (!teamId) return none(unchecked("Ohne Team-ID prüft SlotDesk keine Webhooks."));
  if (isManagedChild(et)) {
    const parent = recordedParent ?? parentOf(et, team)?.id;
    if (!parent)
      return none(
        unknown("Aus einem verwalteten Event-Typ, der verwaltete Event-Typ ist unbekannt – dort Webhook einrichten."),
      );
    return { eventTypeId: parent, state: UNCHECKED };
  }
  if (et.teamId == null) return none(unchecked(PERSONAL));
  if (et.teamId !== teamId) return none(unknown(`Nicht im Team ${teamId} – Webhook bitte in Cal.com einrichten.`));
  return { eventTypeId: et.id, state: UNCHECKED };
}

/** What SlotDesk's webhook on a team event type must look like, for this company. */
export async function expectedWebhooks(ctx: Ctx): Promise<(eventTypeId: number) => ExpectedWebhook> {
  const stored = await ctx.db
    .select()
    .from(calcomEventTypeWebhooks)
    .where(eq(calcomEventTypeWebhooks.companyId, ctx.company.id));
  const url = webhookUrlFor(ctx.company.id);
  const secret = decryptOptional(ctx.company.calcomWebhookSecretEncrypted);
  return (eventTypeId) => ({
    companyId: ctx.company.id,
    url,
    secret,
    storedId: stored.find((s) => s.eventTypeId === eventTypeId)?.webhookId ?? null,
  });
}

/**
 * Judges the webhook of every row that has a home, from Cal.com's real state (not only our table).
 * A list read less than `maxAgeMs` ago is trusted only when it shows a correct webhook; any problem
 * it shows is read again before it is reported (or acted on).
 */
export async function attachWebhookStates(ctx: Ctx, client: CalcomClient, rows: HealthRow[], maxAgeMs = 0) {
  const teamId = ctx.company.calcomTeamId;
  const homes = rows.map((r) => r.webhookEventTypeId).filter((id): id is number => id !== null);
  if (!teamId || homes.length === 0) return rows;
  const options = { companyId: ctx.company.id, teamId, maxAgeMs };
  const [expected, read] = await Promise.all([expectedWebhooks(ctx), readWebhookLists(client, homes, options)]);
  const judge = (home: number, list: CalcomWebhook[] | CalcomError): WebhookState => {
    if (list instanceof CalcomError) return unknown(`Webhooks nicht lesbar: ${list.message}`);
    return judgeWebhook(findOurs(list, expected(home)), expected(home));
  };
  const doubtful = [...read.remembered].filter((home) => judge(home, read.lists.get(home)!).status !== "ok");
  if (doubtful.length) {
    const again = await readWebhookLists(client, doubtful, { ...options, maxAgeMs: 0 });
    for (const [home, list] of again.lists) read.lists.set(home, list);
  }
  return rows.map((row) => {
    const home = row.webhookEventTypeId;
    return home === null ? row : { ...row, webhook: judge(home, read.lists.get(home)!) };
  });
}

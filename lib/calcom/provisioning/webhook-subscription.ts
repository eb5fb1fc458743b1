import { env } from "../../env";
import type { CalcomWebhook } from "..";

/** The triggers SlotDesk needs; BOOKING_CANCELLED arrives without metadata and is matched by uid. */
export const WEBHOOK_TRIGGERS = ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED"] as const;

/** Where Cal.com delivers a company's bookings; `?company=` spares the route trying every secret. */
export const webhookUrlFor = (companyId: string) =>
  `${env().APP_URL.replace(/\/+$/, "")}/api/calcom/webhook?company=${companyId}`;

export type WebhookHealth =
  "ok" | "missing" | "inactive" | "wrong_url" | "wrong_secret" | "missing_triggers" | "unknown" | "unchecked";

/** `unchecked`: the event type itself is broken; `unknown`: Cal.com could not tell (detail says why). */
export type WebhookState = { status: WebhookHealth; detail: string; webhookId: string | null };

export type ExpectedWebhook = { companyId: string; url: string; secret: string | null; storedId: string | null };

const pointsAtUs = (url: string, companyId: string) => {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  const company = parsed.searchParams.get("company");
  return parsed.pathname.replace(/\/+$/, "").endsWith("/api/calcom/webhook") && (!company || company === companyId);
};

/** SlotDesk's webhook among the event type's: the one we stored, else one at our URL, else one at our path. */
export function findOurs(hooks: CalcomWebhook[], expected: ExpectedWebhook): CalcomWebhook | undefined {
  return (
    hooks.find((h) => h.id === expected.storedId) ??
    hooks.find((h) => h.subscriberUrl === expected.url) ??
    hooks.find((h) => pointsAtUs(h.subscriberUrl, expected.companyId))
  );
}

/** What is wrong with our webhook, most serious first, each problem as a German sentence. */
export function judgeWebhook(hook: CalcomWebhook | undefined, expected: ExpectedWebhook): WebhookState {
  if (!hook) {
    return {
      status: "missing",
      detail: "Webhook fehlt – Buchungen direkt in Cal.com erfährt SlotDesk nicht.",
      webhookId: null,
    };
  }
  const found: [WebhookHealth, string][] = [];
  if (hook.subscriberUrl !== expected.url) {
    found.push(["wrong_url", `Webhook zeigt auf eine andere Adresse (${hook.subscriberUrl} statt ${expected.url}).`]);
  }
  if (!hook.active) found.push(["inactive", "Webhook ist in Cal.com ausgeschaltet."]);
  // Cal.com echoes the secret; an absent key means this Cal.com does not show it, null or "" means none.
  if (hook.secret !== undefined && expected.secret && hook.secret !== expected.secret) {
    found.push(["wrong_secret", "Webhook signiert mit einem anderen Secret – SlotDesk lehnt seine Meldungen ab."]);
  }
  const lacking = WEBHOOK_TRIGGERS.filter((t) => !hook.triggers.includes(t));
  if (lacking.length) found.push(["missing_triggers", `Webhook meldet ${lacking.join(", ")} nicht.`]);
  if (found.length === 0) return { status: "ok", detail: "Webhook eingerichtet", webhookId: hook.id };
  return { status: found[0]![0], detail: found.map(([, text]) => text).join(" "), webhookId: hook.id };
}

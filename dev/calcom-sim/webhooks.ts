import { createHmac, randomUUID } from "node:crypto";
import { isTeamEventType } from "./event-types";
import type { SimStore } from "./store";
import { teamOf } from "./teams";
import type { SimBooking, SimEventType, SimWebhook, WebhookDelivery } from "./types";
import { type WebhookTrigger, webhookBody } from "./webhook-payload";

/**
 * Asynchronous webhook delivery (reference §6): signed POSTs, up to 3 attempts, a delivery log.
 * Nothing here delays an API response; stop() aborts in-flight deliveries so the process can exit.
 */

const ATTEMPTS = 3;
const ATTEMPT_TIMEOUT_MS = 10_000;
const BACKOFF_MS = [0, 100, 300];

export const signBody = (body: string, secret: string | undefined) =>
  secret ? createHmac("sha256", secret).update(body).digest("hex") : "no-secret-provided";

export class WebhookDispatcher {
  private deliveries: WebhookDelivery[] = [];
  private inflight = new Set<Promise<void>>();
  private controllers = new Set<AbortController>();
  private wakeups = new Set<() => void>();
  private stopped = false;

  constructor(
    private readonly store: SimStore,
    private readonly now: () => Date,
  ) {}

  /** Queues one delivery per active webhook in scope of the booking (see SimWebhook) subscribed to `trigger`. */
  emit(trigger: WebhookTrigger, booking: SimBooking, old?: SimBooking): void {
    const et = this.store.eventTypes.get(booking.eventTypeId);
    const hooks = [...this.store.webhooks.values()].filter(
      (w) =>
        w.accountKey === booking.accountKey && w.active && w.triggers.includes(trigger) && this.inScope(w, booking, et),
    );
    if (hooks.length === 0 || this.stopped) return;
    const body = JSON.stringify(webhookBody(this.store, trigger, booking, this.now(), old));
    for (const hook of hooks) {
      const delivery: WebhookDelivery = {
        id: randomUUID(),
        webhookId: hook.id,
        trigger,
        subscriberUrl: hook.subscriberUrl,
        bookingUid: booking.uid,
        status: "pending",
        attempts: 0,
        time: this.now().toISOString(),
      };
      this.deliveries.push(delivery);
      const headers = {
        "Content-Type": "application/json",
        "X-Cal-Signature-256": signBody(body, hook.secret),
        "X-Cal-Webhook-Version": "2021-10-20",
      };
      const p: Promise<void> = this.deliver(hook.subscriberUrl, headers, body, delivery).finally(() =>
        this.inflight.delete(p),
      );
      this.inflight.add(p);
    }
  }

  /** User webhooks stay silent for team event types; managed children count as their host's own. */
  private inScope(w: SimWebhook, b: SimBooking, et: SimEventType | undefined): boolean {
    if (w.eventTypeId !== undefined) return w.eventTypeId === b.eventTypeId || w.eventTypeId === et?.parentEventTypeId;
    if (w.teamId !== undefined) return et !== undefined && teamOf(this.store, et)?.id === w.teamId;
    return et !== undefined && !isTeamEventType(et) && w.userId === b.hostUserIds[0];
  }

  private async deliver(url: string, headers: Record<string, string>, body: string, d: WebhookDelivery) {
    for (let attempt = 1; attempt <= ATTEMPTS && !this.stopped; attempt++) {
      await this.sleep(BACKOFF_MS[attempt - 1] ?? 300);
      if (this.stopped) break;
      d.attempts = attempt;
      const controller = new AbortController();
      this.controllers.add(controller);
      const timer = setTimeout(() => controller.abort(), ATTEMPT_TIMEOUT_MS);
      timer.unref();
      try {
        const res = await fetch(url, { method: "POST", headers, body, redirect: "manual", signal: controller.signal });
        await res.arrayBuffer().catch(() => undefined);
        d.responseStatus = res.status;
        if (res.ok) {
          d.status = "delivered";
          delete d.error;
          return;
        }
        d.error = `HTTP ${res.status}`;
      } catch (err) {
        d.error = err instanceof Error ? err.message : String(err);
      } finally {
        clearTimeout(timer);
        this.controllers.delete(controller);
      }
    }
    d.status = "failed";
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakeups.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      timer.unref();
      this.wakeups.add(wake);
    });
  }

  /** Resolves once no delivery is pending (handy in tests). */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  list(): WebhookDelivery[] {
    return structuredClone(this.deliveries);
  }

  clearLog(): void {
    this.deliveries = [];
  }

  stop(): void {
    this.stopped = true;
    for (const c of this.controllers) c.abort();
    for (const wake of this.wakeups) wake();
    this.wakeups.clear();
  }
}

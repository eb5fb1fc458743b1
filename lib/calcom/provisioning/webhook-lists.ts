import { type CalcomClient, CalcomError, type CalcomWebhook } from "..";

/** Reads per event type, a few at a time: quick enough, and far from 120 a minute in a burst. */
const PARALLEL_READS = 4;

/**
 * Lists read recently, per company × team × event type. Cal.com has no list of all webhooks of a
 * team's event types, so a full audit costs one request per event type (81 for the demo salon) of
 * the 120 a minute the API key shares with the booking sync.
 */
const seen = new Map<string, { at: number; list: CalcomWebhook[] }>();

/** How old a list the services page and provisioning may trust when it shows a correct webhook. */
export const RECENT_WEBHOOK_LIST_MS = 5 * 60_000;

/** After SlotDesk changed the webhooks of these event types, everything reads them afresh. */
export function forgetWebhookLists(companyId: string, eventTypeIds: number[]): void {
  const changed = new Set(eventTypeIds.map(String));
  for (const key of seen.keys()) {
    const [company, , eventTypeId] = key.split("|");
    if (company === companyId && changed.has(eventTypeId!)) seen.delete(key);
  }
}

export type WebhookLists = {
  lists: Map<number, CalcomWebhook[] | CalcomError>;
  /** Event types whose list came from `seen`, not from Cal.com just now. */
  remembered: Set<number>;
};

type ReadOptions = { companyId: string; teamId: number; maxAgeMs: number };

/** Each event type's webhooks as Cal.com lists them (or listed them less than `maxAgeMs` ago), or the error. */
export async function readWebhookLists(client: CalcomClient, eventTypeIds: number[], options: ReadOptions) {
  const result: WebhookLists = { lists: new Map(), remembered: new Set() };
  const queue = [...new Set(eventTypeIds)];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const key = `${options.companyId}|${options.teamId}|${id}`;
      const known = seen.get(key);
      if (known && Date.now() - known.at < options.maxAgeMs) {
        result.lists.set(id, known.list);
        result.remembered.add(id);
        continue;
      }
      try {
        const list = await client.listEventTypeWebhooks(options.teamId, id);
        seen.set(key, { at: Date.now(), list });
        result.lists.set(id, list);
      } catch (error) {
        if (!(error instanceof CalcomError)) throw error;
        result.lists.set(id, error);
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
  return result;
}

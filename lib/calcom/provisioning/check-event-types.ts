import { z } from "zod";
import { CalcomError } from "..";
import { auditEventTypes, type HealthRow } from "./event-type-health";
import { RECENT_WEBHOOK_LIST_MS } from "./webhook-lists";
import type { Ctx } from "../../context";
import { parseInput } from "../../errors";
import { logger } from "../../logger";

const checkInput = z.object({ serviceId: z.number().int().positive().optional() });

export type EventTypeCheck = { reachable: true; rows: HealthRow[] } | { reachable: false; message: string };

/**
 * The Cal.com health of every segment × staff mapping (optionally of one service), webhooks included.
 * Cal.com being down is an expected state of the admin page, so it becomes a German message, not an error.
 */
export async function checkEventTypes({
  ctx,
  input = {},
}: {
  ctx: Ctx;
  input?: z.input<typeof checkInput>;
}): Promise<EventTypeCheck> {
  const { serviceId } = parseInput(checkInput, input);
  try {
    const rows = await auditEventTypes({ ctx, serviceId, webhookMaxAgeMs: RECENT_WEBHOOK_LIST_MS });
    return { reachable: true, rows };
  } catch (error) {
    if (!(error instanceof CalcomError)) throw error;
    logger.warn({ err: error, companyId: ctx.company.id }, "event type audit failed");
    // Not connected is a set-up state, not an outage: its own sentence says what to do.
    if (error.kind === "not_connected") return { reachable: false, message: error.message };
    const why =
      error.kind === "auth"
        ? "Der API-Schlüssel wurde abgelehnt."
        : error.kind === "rate_limited"
          ? "Zu viele Anfragen – bitte gleich noch einmal versuchen."
          : error.message;
    return {
      reachable: false,
      message: `Cal.com ist gerade nicht erreichbar, die Event-Typen konnten nicht geprüft werden. ${why}`,
    };
  }
}

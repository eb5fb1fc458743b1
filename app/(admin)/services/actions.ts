"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction, form, actionError } from "@/lib/actions";
import { createService } from "@/lib/catalog";
import {
  type WebhookCounts,
  type ProvisionStep,
  previewProvisioning,
  type WebhookStep,
  provisionEventTypes,
  registerWebhooks,
} from "@/lib/calcom/provisioning";
import { type ServiceFormState, serviceFormError, serviceFromForm } from "./form-data";

const noArgs = z.tuple([]);

export const createServiceAction = adminAction(
  z.tuple([form(serviceFromForm)]),
  async ({ ctx, input: [service] }): Promise<ServiceFormState> => {
    const created = await createService({ ctx, input: service });
    revalidatePath("/services");
    return { ok: true, message: `Leistung „${created.name}“ angelegt.`, id: created.id };
  },
  serviceFormError,
);

export type PlanState = {
  ok: boolean;
  message: string;
  steps: ProvisionStep[];
  webhooks: WebhookStep[];
  sessionExpired?: boolean;
};

const count = <T extends { action: string }>(steps: T[], action: T["action"]) =>
  steps.filter((s) => s.action === action).length;
const ALL_FINE = "Alles in Ordnung: Jedes Segment hat einen buchbaren Event-Typ mit Webhook. Es gibt nichts zu tun.";

/** "Provisionierung prüfen (Trockenlauf)": the plan only — neither Cal.com nor the database changes. */
export const planProvisioningAction = adminAction(
  noArgs,
  async ({ ctx }): Promise<PlanState> => {
    const { steps, webhooks } = await previewProvisioning({ ctx });
    const hooks = `Webhooks: ${count(webhooks, "register")} einrichten, ${count(webhooks, "repair")} reparieren`;
    const nothing = steps.length === 0 && webhooks.every((w) => w.action === "keep");
    if (nothing) return { ok: true, message: ALL_FINE, steps, webhooks };
    const types = [
      `${count(steps, "create")} anlegen`,
      `${count(steps, "reuse")} wiederverwenden`,
      `${count(steps, "update")} korrigieren`,
      `${count(steps, "skip")} überspringen`,
    ].join(", ");
    return { ok: true, message: `Trockenlauf: ${types}; ${hooks}. Es wurde nichts geändert.`, steps, webhooks };
  },
  (error): PlanState => ({ ...actionError(error), steps: [], webhooks: [] }),
);

const hooksSummary = (w: WebhookCounts) =>
  `${w.registered} eingerichtet, ${w.repaired} repariert, ${w.kept} unverändert`;

/** "Event-Typen jetzt anlegen": plans again and applies, then the health tables show the result. */
export const applyProvisioningAction = adminAction(noArgs, async ({ ctx }) => {
  const r = await provisionEventTypes({ ctx });
  revalidatePath("/services", "layout");
  // "… angelegt, … wiederverwendet, … übersprungen" in this order: e2e/services.spec.ts reads it.
  const types = `${r.created} angelegt, ${r.reused} wiederverwendet, ${r.skipped} übersprungen`;
  const fixed = `${r.updated} korrigiert`;
  return { ok: true, message: `${types}, ${fixed}. Webhooks: ${hooksSummary(r.webhooks)}.` };
});

/** "Webhooks einrichten": only the webhooks, one per mapped event type, idempotent. */
export const registerWebhooksAction = adminAction(noArgs, async ({ ctx }) => {
  const result = await registerWebhooks({ ctx });
  revalidatePath("/services", "layout");
  return { ok: true, message: `Webhooks: ${hooksSummary(result)}, ${result.skipped} übersprungen.` };
});

"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  applyProvisioningAction,
  type PlanState,
  planProvisioningAction,
  registerWebhooksAction,
} from "@/app/(admin)/services/actions";
import { buttonClass } from "@/components/ui/button";
import { ConfirmBar } from "@/components/ui/confirm-bar";
import type { ActionState } from "@/lib/actions";
import { Feedback } from "./feedback";
import { ProvisionPlanTable, WebhookPlanTable } from "./plan-tables";

/** Seed 004, option B: first a dry run that only shows the plan, then a confirmed apply; webhooks on their own too. */
export function ProvisioningPanel() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [plan, setPlan] = useState<PlanState | null>(null);
  const [result, setResult] = useState<ActionState>(null);
  const [confirming, setConfirming] = useState(false);
  const hookChanges = plan?.webhooks.filter((w) => w.action === "register" || w.action === "repair") ?? [];
  const actionable = (plan?.steps.filter((s) => s.action !== "skip").length ?? 0) + hookChanges.length;
  const shownHooks = plan?.webhooks.filter((w) => w.action !== "keep") ?? [];

  const dryRun = () =>
    startTransition(async () => {
      setResult(null);
      setConfirming(false);
      setPlan(await planProvisioningAction());
    });
  const run = (action: () => Promise<ActionState>) =>
    startTransition(async () => {
      setConfirming(false);
      const state = await action();
      setResult(state);
      if (state?.ok) setPlan(null);
      if (!state?.sessionExpired) router.refresh();
    });

  return (
    <div className="space-y-3 px-5 py-4">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" disabled={pending} className={buttonClass("secondary")} onClick={dryRun}>
          Provisionierung prüfen (Trockenlauf)
        </button>
        {plan?.ok && actionable > 0 ? (
          <button
            type="button"
            disabled={pending}
            className={buttonClass("primary")}
            onClick={() => setConfirming(true)}
          >
            Event-Typen jetzt anlegen
          </button>
        ) : null}
        <button
          type="button"
          disabled={pending}
          className={buttonClass("secondary")}
          onClick={() => run(registerWebhooksAction)}
        >
          Webhooks einrichten
        </button>
        {pending ? <span className="text-sm text-slate-500">Einen Moment …</span> : null}
      </div>
      {confirming ? (
        <ConfirmBar
          question="Jetzt in Cal.com Event-Typen mit je einem Gastgeber und den Salon-Einstellungen anlegen oder korrigieren, die Zuordnungen umstellen und die Webhooks einrichten? Der Plan wird dafür noch einmal frisch berechnet."
          confirmLabel="Ja, jetzt anlegen"
          tone="primary"
          onConfirm={() => run(applyProvisioningAction)}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
      <Feedback state={result ?? (plan ? { ok: plan.ok, message: plan.message } : null)} />
      {plan?.steps.length ? <ProvisionPlanTable steps={plan.steps} /> : null}
      {shownHooks.length ? <WebhookPlanTable steps={shownHooks} /> : null}
    </div>
  );
}

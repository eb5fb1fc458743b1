"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { applyProvisioningAction, type PlanState, planProvisioningAction } from "@/app/(admin)/services/actions";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Td, Th } from "@/components/ui/table";
import type { ActionState } from "@/lib/actions/action-state";
import type { ProvisionStep } from "@/lib/services/preview-provisioning";
import { Feedback } from "./feedback";
import { HealthBadge } from "./health-table";

const ACTION: Record<ProvisionStep["action"], { label: string; tone: BadgeTone }> = {
  create: { label: "Anlegen", tone: "brand" },
  reuse: { label: "Wiederverwenden", tone: "blue" },
  skip: { label: "Überspringen", tone: "gray" },
};

/** Seed 004, option B: first a dry run that only shows the plan, then a confirmed apply. */
export function ProvisioningPanel() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [plan, setPlan] = useState<PlanState | null>(null);
  const [result, setResult] = useState<ActionState>(null);
  const [confirming, setConfirming] = useState(false);
  const actionable = plan?.steps.filter((s) => s.action !== "skip").length ?? 0;

  const dryRun = () =>
    startTransition(async () => {
      setResult(null);
      setConfirming(false);
      setPlan(await planProvisioningAction());
    });
  const apply = () =>
    startTransition(async () => {
      setConfirming(false);
      const state = await applyProvisioningAction();
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
          <button type="button" disabled={pending} className={buttonClass("primary")} onClick={() => setConfirming(true)}>
            Ereignistypen jetzt anlegen
          </button>
        ) : null}
        {pending ? <span className="text-sm text-slate-500">Einen Moment …</span> : null}
      </div>
      {confirming ? (
        <div role="alertdialog" aria-label="Bestätigen" className="flex flex-wrap items-center gap-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <span>Jetzt in Cal.com Ereignistypen mit je einem Gastgeber anlegen und die Zuordnungen umstellen? Der Plan wird dafür noch einmal frisch berechnet.</span>
          <button type="button" className={buttonClass("primary")} onClick={apply}>
            Ja, jetzt anlegen
          </button>
          <button type="button" className={buttonClass("ghost")} onClick={() => setConfirming(false)}>
            Abbrechen
          </button>
        </div>
      ) : null}
      <Feedback state={result ?? (plan ? { ok: plan.ok, message: plan.message } : null)} />
      {plan?.steps.length ? (
        <div className="overflow-x-auto">
          <table aria-label="Provisionierungsplan" className="min-w-full divide-y divide-slate-200 text-sm">
            <thead>
              <tr>
                <Th>Service</Th>
                <Th>Segment</Th>
                <Th>Mitarbeiter</Th>
                <Th>Dauer</Th>
                <Th>Heute</Th>
                <Th>Aktion</Th>
                <Th>Warum</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {plan.steps.map((s) => (
                <tr key={`${s.serviceId}|${s.segmentKey}|${s.staffId}`}>
                  <Td>{s.serviceName}</Td>
                  <Td>{`${s.segmentKey} · ${s.segmentName}`}</Td>
                  <Td>{s.staffName}</Td>
                  <Td className="tabular-nums">{s.durationMinutes} min</Td>
                  <Td>
                    <HealthBadge status={s.status} />
                  </Td>
                  <Td>
                    <Badge tone={ACTION[s.action].tone}>{ACTION[s.action].label}</Badge>
                  </Td>
                  <Td className="text-xs text-slate-500">{s.reason}</Td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

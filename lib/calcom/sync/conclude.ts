import type { Ctx } from "../../context";
import type { logger } from "../../logger";
import type { PhaseFailure } from "./messages";
import { finishAppointment, recordRun, setPhaseState } from "./persist";
import type { SyncPhase, SyncSubject } from "./subject";

export type SyncInput = {
  appointmentId: number;
  jobId?: string;
  attempt?: number;
  finalAttempt?: boolean;
  verifyDelayMs?: number;
  /** "admin" for "Erneut synchronisieren"; recorded with the run so its rescues count as manual. */
  trigger?: "auto" | "admin";
};
export type SyncResult = {
  /** "busy": another run of the same appointment was going on; nothing was done. */
  outcome: "synced" | "partial" | "failed" | "cancelled" | "missing" | "busy";
  retry: boolean;
  recovered: number;
};

type Outcome = { phase: SyncPhase; done: boolean; failure: PhaseFailure | null };
type Run = {
  action: "create" | "reschedule" | "cancel";
  startedAt: Date;
  attempt: number;
  input: SyncInput;
  recovered: number;
  log: typeof logger;
};

/** Writes what a sync run ended with: phase states, the appointment's status and review flag, the run row. */
export async function concludeSync(ctx: Ctx, subject: SyncSubject, work: Outcome[], run: Run): Promise<SyncResult> {
  const failures = work.filter((w) => !w.done);
  for (const w of failures)
    await setPhaseState(ctx.db, w.phase.id, { status: "failed", message: w.failure?.message ?? "Unbekannter Fehler" });
  const synced = work.length - failures.length;
  const status = failures.length === 0 ? "synced" : synced > 0 ? "partial" : "failed";
  const retry = failures.some((w) => w.failure?.retryable) && !run.input.finalAttempt;
  const first = failures[0]?.failure ?? null;
  await finishAppointment(
    ctx.db,
    subject.appointment.id,
    {
      status,
      review: status !== "synced" && !retry,
      errorCode: first?.code ?? null,
      errorMessage: first
        ? failures.length > 1
          ? `${failures.length} von ${work.length} Segmenten: ${first.message}`
          : first.message
        : null,
    },
    { ctx, run: "sync" },
  );
  const outcome = run.action === "cancel" && status === "synced" ? "cancelled" : status;
  await recordRun(ctx.db, {
    companyId: ctx.company.id,
    appointmentId: subject.appointment.id,
    jobId: run.input.jobId ?? null,
    kind: "sync",
    trigger: run.input.trigger ?? "auto",
    action: run.action,
    attempt: run.attempt,
    composite: subject.service.composite,
    outcome: retry ? "retrying" : outcome,
    phasesTotal: work.length,
    phasesSynced: synced,
    recoveredByVerification: run.recovered,
    errorCode: first?.code ?? null,
    errorMessage: first?.message ?? null,
    startedAt: run.startedAt,
    durationMs: Date.now() - run.startedAt.getTime(),
  });
  run.log.info({ outcome, synced, total: work.length, retry, recovered: run.recovered }, "calcom sync finished");
  return { outcome, retry, recovered: run.recovered };
}

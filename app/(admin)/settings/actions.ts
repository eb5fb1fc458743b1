"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, actionError } from "@/lib/actions/action-state";
import { requireAdminAction } from "@/lib/auth/session";
import { updateBookingRules } from "@/lib/companies/update-booking-rules";
import { updateCalcom } from "@/lib/companies/update-calcom";
import { updateFeatureFlags } from "@/lib/companies/update-feature-flags";
import { updateOpeningHours } from "@/lib/companies/update-opening-hours";
import { updateRetell } from "@/lib/companies/update-retell";
import { updateSalon } from "@/lib/companies/update-salon";
import { isAppError } from "@/lib/errors";
import { runCalcomCheck } from "@/lib/calcom/sync/go-live-check";

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
};
const checked = (form: FormData, key: string) => form.get(key) === "on";
/** An empty field becomes NaN so the verb's schema answers with its German message. */
const number = (form: FormData, key: string) => (text(form, key).trim() === "" ? Number.NaN : Number(text(form, key)));
const numberOrNull = (form: FormData, key: string) => (text(form, key).trim() === "" ? null : Number(text(form, key)));

function saved(message: string): ActionState {
  revalidatePath("/settings");
  return { ok: true, message };
}

/** The verbs' messages are whole German sentences; the field paths are only for logs. */
function failed(error: unknown): ActionState {
  if (isAppError(error) && error.code === "VALIDATION") {
    const issues = (error.details?.issues ?? []) as { message: string }[];
    const messages = [...new Set(issues.map((i) => i.message))];
    if (messages.length) return { ok: false, message: `Nicht gespeichert. ${messages.join(" ")}` };
  }
  return actionError(error);
}

export async function saveSalonAction(form: FormData): Promise<ActionState> {
  try {
    const ctx = await requireAdminAction();
    const input = { name: text(form, "name"), timeZone: text(form, "timeZone"), address: text(form, "address") };
    await updateSalon({ ctx, input });
    // The shell shows the salon name on every page.
    revalidatePath("/", "layout");
    return saved("Salondaten gespeichert.");
  } catch (error) {
    return failed(error);
  }
}

export async function saveOpeningHoursAction(form: FormData): Promise<ActionState> {
  try {
    const ctx = await requireAdminAction();
    const day = (d: string) => (checked(form, `closed-${d}`) ? [] : [{ open: text(form, `open-${d}`), close: text(form, `close-${d}`) }]);
    const openingHours = { "1": day("1"), "2": day("2"), "3": day("3"), "4": day("4"), "5": day("5"), "6": day("6"), "7": day("7") };
    await updateOpeningHours({ ctx, input: { openingHours } });
    return saved("Öffnungszeiten gespeichert.");
  } catch (error) {
    return failed(error);
  }
}

export async function saveBookingRulesAction(form: FormData): Promise<ActionState> {
  try {
    const ctx = await requireAdminAction();
    await updateBookingRules({
      ctx,
      input: { slotGridMinutes: number(form, "slotGridMinutes"), holdMinutes: number(form, "holdMinutes"), allowGapBooking: checked(form, "allowGapBooking") },
    });
    return saved("Einstellungen zur Terminbuchung gespeichert.");
  } catch (error) {
    return failed(error);
  }
}

export async function saveRetellAction(form: FormData): Promise<ActionState> {
  try {
    const ctx = await requireAdminAction();
    await updateRetell({ ctx, input: { retellAgentId: text(form, "retellAgentId") } });
    return saved("Retell-Agent gespeichert.");
  } catch (error) {
    return failed(error);
  }
}

export async function saveCalcomAction(form: FormData): Promise<ActionState> {
  try {
    const ctx = await requireAdminAction();
    await updateCalcom({
      ctx,
      input: {
        apiBaseUrl: text(form, "apiBaseUrl"),
        teamId: numberOrNull(form, "teamId"),
        apiKey: text(form, "apiKey"),
        removeApiKey: checked(form, "remove-apiKey"),
        webhookSecret: text(form, "webhookSecret"),
        removeWebhookSecret: checked(form, "remove-webhookSecret"),
        customerEmails: checked(form, "customerEmails"),
        attendeeEmailDomain: text(form, "attendeeEmailDomain"),
      },
    });
    return saved("Cal.com-Verbindung gespeichert.");
  } catch (error) {
    return failed(error);
  }
}

export async function saveFeatureFlagsAction(form: FormData): Promise<ActionState> {
  try {
    const ctx = await requireAdminAction();
    await updateFeatureFlags({ ctx, input: { parallelCalcomBooking: checked(form, "parallelCalcomBooking"), postSyncVerification: checked(form, "postSyncVerification") } });
    return saved("Feature-Flags gespeichert.");
  } catch (error) {
    return failed(error);
  }
}

export type CheckState = { ok: boolean; steps: { step: string; ok: boolean; detail: string }[]; message?: string } | null;

/** The go-live check against the company's Cal.com; books and cancels one test booking far ahead. */
export async function runCalcomCheckAction(): Promise<CheckState> {
  try {
    const ctx = await requireAdminAction();
    const result = await runCalcomCheck({ ctx });
    revalidatePath("/settings");
    return result;
  } catch (error) {
    return { ok: false, steps: [], message: actionError(error)?.message };
  }
}

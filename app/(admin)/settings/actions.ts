"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction, form, type ActionState, actionError, checked, number, numberOrNull, text } from "@/lib/actions";
import type { AdminCtx } from "@/lib/auth/web";
import { runCalcomCheck } from "@/lib/calcom/sync";
import {
  updateBookingRules,
  updateCalcom,
  updateFeatureFlags,
  updateOpeningHours,
  updateRetell,
  updateSalon,
} from "@/lib/companies";
import { isAppError } from "@/lib/errors";

/** The verbs' messages are whole German sentences; the field paths are only for logs. */
function failed(error: unknown): ActionState {
  if (isAppError(error) && error.code === "VALIDATION") {
    const issues = (error.details?.issues ?? []) as { message: string }[];
    const messages = [...new Set(issues.map((i) => i.message))];
    if (messages.length) return { ok: false, message: `Nicht gespeichert. ${messages.join(" ")}` };
  }
  return actionError(error);
}

type Save<T> = (call: { ctx: AdminCtx; input: T }) => Promise<unknown>;

/** One settings section: its fields read into the verb's input and saved; the verb's schema checks them. */
function settingsAction<T>(read: (data: FormData) => T, save: Save<T>, message: string) {
  return adminAction(
    z.tuple([form(read)]),
    async ({ ctx, input: [input] }): Promise<ActionState> => {
      await save({ ctx, input });
      revalidatePath("/settings");
      return { ok: true, message };
    },
    failed,
  );
}

const salon = (f: FormData) => ({
  name: text(f, "name"),
  timeZone: text(f, "timeZone"),
  address: text(f, "address"),
});
export const saveSalonAction = settingsAction(
  salon,
  async (call) => {
    await updateSalon(call);
    // The shell shows the salon name on every page.
    revalidatePath("/", "layout");
  },
  "Salondaten gespeichert.",
);

const openingHours = (f: FormData) => {
  // Each range posts one open-<weekday> and one close-<weekday>, in the order shown.
  const all = (name: string) => f.getAll(name).map((v) => (typeof v === "string" ? v.trim() : ""));
  const hours = (n: string) => {
    const closes = all(`close-${n}`);
    return all(`open-${n}`).map((open, i) => ({ open, close: closes[i] ?? "" }));
  };
  const d = (n: string) => (checked(f, `closed-${n}`) ? [] : hours(n));
  const week = { "1": d("1"), "2": d("2"), "3": d("3"), "4": d("4"), "5": d("5"), "6": d("6"), "7": d("7") };
  return { openingHours: week };
};
export const saveOpeningHoursAction = settingsAction(openingHours, updateOpeningHours, "Öffnungszeiten gespeichert.");

const bookingRules = (f: FormData) => ({
  slotGridMinutes: number(f, "slotGridMinutes"),
  holdMinutes: number(f, "holdMinutes"),
  allowGapBooking: checked(f, "allowGapBooking"),
});
export const saveBookingRulesAction = settingsAction(
  bookingRules,
  updateBookingRules,
  "Einstellungen zur Terminbuchung gespeichert.",
);

const retell = (f: FormData) => ({ retellAgentId: text(f, "retellAgentId") });
export const saveRetellAction = settingsAction(retell, updateRetell, "Retell-Agent gespeichert.");

const calcom = (f: FormData) => ({
  apiBaseUrl: text(f, "apiBaseUrl"),
  teamId: numberOrNull(f, "teamId"),
  apiKey: text(f, "apiKey"),
  removeApiKey: checked(f, "remove-apiKey"),
  webhookSecret: text(f, "webhookSecret"),
  removeWebhookSecret: checked(f, "remove-webhookSecret"),
  customerEmails: checked(f, "customerEmails"),
  attendeeEmailDomain: text(f, "attendeeEmailDomain"),
});
export const saveCalcomAction = settingsAction(calcom, updateCalcom, "Cal.com-Verbindung gespeichert.");

const featureFlags = (f: FormData) => ({
  parallelCalcomBooking: checked(f, "parallelCalcomBooking"),
  postSyncVerification: checked(f, "postSyncVerification"),
});
export const saveFeatureFlagsAction = settingsAction(
  featureFlags,
  updateFeatureFlags,
  "Einstellungen zum Abgleich gespeichert.",
);

type CheckStep = { step: string; ok: boolean; detail: string };
export type CheckState = { ok: boolean; steps: CheckStep[]; message?: string } | null;

/** The go-live check against the company's Cal.com; books and cancels one test booking far ahead. */
export const runCalcomCheckAction = adminAction(
  z.tuple([]),
  async ({ ctx }): Promise<CheckState> => {
    const result = await runCalcomCheck({ ctx });
    revalidatePath("/settings");
    return result;
  },
  (error): CheckState => ({ ok: false, steps: [], message: actionError(error).message }),
);

import { actionError, text } from "@/lib/actions";
import { isAppError } from "@/lib/errors";
import type { AbsenceInput, CreateStaffInput, StaffProfileInput } from "@/lib/staff";

/** What the staff forms get back: a German summary, every problem as a line, what an absence would touch. */
export type StaffFormState = {
  ok: boolean;
  message: string;
  errors?: string[];
  id?: string;
  sessionExpired?: boolean;
  /** An absence covers these appointments: shown before it is saved, and marked after. */
  affected?: { id: number; when: string; customer: string; service: string }[];
  needsConfirm?: boolean;
} | null;

export function profileFromForm(form: FormData): StaffProfileInput {
  return {
    name: text(form, "name"),
    email: text(form, "email"),
    phone: text(form, "phone"),
    color: text(form, "color"),
    calcomUserId: text(form, "calcomUserId"),
    calcomUsername: text(form, "calcomUsername"),
  };
}

export const serviceIdsFromForm = (form: FormData) => form.getAll("serviceIds").map(String);

/** The hours editor posts its rows as one JSON value; the verb's schema checks every row. */
export function hoursFromForm(form: FormData): { weekday: number; start: string; end: string }[] {
  try {
    const parsed: unknown = JSON.parse(text(form, "hours") || "[]");
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

export const createFromForm = (form: FormData): CreateStaffInput => ({
  ...profileFromForm(form),
  serviceIds: serviceIdsFromForm(form),
  hours: hoursFromForm(form),
});

export function absenceFromForm(staffId: string, form: FormData): AbsenceInput {
  const common = {
    staffId,
    kind: text(form, "kind") as AbsenceInput["kind"],
    note: text(form, "note"),
    allDay: form.get("allDay") === "on",
    confirm: form.get("confirm") === "yes",
  };
  if (text(form, "repeat") === "weekly")
    return {
      ...common,
      repeat: "weekly",
      weekday: text(form, "weekday"),
      startTime: text(form, "startTime") || undefined,
      endTime: text(form, "endTime") || undefined,
      validFrom: text(form, "validFrom"),
      validUntil: text(form, "validUntil"),
    };
  const fromDate = text(form, "fromDate");
  return {
    ...common,
    repeat: "once",
    fromDate,
    toDate: text(form, "toDate") || fromDate,
    fromTime: text(form, "fromTime") || undefined,
    toTime: text(form, "toTime") || undefined,
  };
}

export function staffFormError(error: unknown): StaffFormState {
  if (isAppError(error) && error.code === "VALIDATION" && Array.isArray(error.details?.issues)) {
    const errors = [...new Set((error.details.issues as { message: string }[]).map((i) => i.message))];
    return { ok: false, message: "Nicht gespeichert – bitte die Angaben prüfen:", errors };
  }
  return actionError(error);
}

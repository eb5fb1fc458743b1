import type { z } from "zod";
import { actionError, text } from "@/lib/actions";
import { isAppError } from "@/lib/errors";
import { describeIssues, type segmentInput, type ServiceInput } from "@/lib/catalog";

/** What the service form gets back: a German summary, every problem as a line, the saved id. */
export type ServiceFormState = {
  ok: boolean;
  message: string;
  errors?: string[];
  id?: number;
  sessionExpired?: boolean;
} | null;

function segmentsOf(form: FormData): z.input<typeof segmentInput>[] {
  try {
    const parsed: unknown = JSON.parse(text(form, "segments") || "[]");
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/** The form posts plain fields plus the ordered segment rows as one JSON value; the verb's zod schema checks all of it. */
export function serviceFromForm(form: FormData): ServiceInput {
  const common = {
    name: text(form, "name"),
    synonyms: text(form, "synonyms"),
    price: text(form, "price"),
    active: form.get("active") === "on",
    staffIds: form.getAll("staffIds").filter((v): v is string => typeof v === "string"),
  };
  return form.get("composite") === "on"
    ? { ...common, composite: true, segments: segmentsOf(form) }
    : { ...common, composite: false, durationMinutes: text(form, "durationMinutes") };
}

export function serviceFormError(error: unknown): ServiceFormState {
  if (isAppError(error) && error.code === "VALIDATION" && Array.isArray(error.details?.issues)) {
    const errors = describeIssues(error.details.issues as { path: string; message: string }[]);
    return { ok: false, message: "Nicht gespeichert – bitte die markierten Angaben prüfen:", errors };
  }
  return actionError(error);
}

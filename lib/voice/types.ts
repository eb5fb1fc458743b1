import type { Ctx } from "../context";

export const VOICE_ERRORS = [
  "missing_field",
  "unknown_service",
  "unknown_staff",
  "invalid_date",
  "in_past",
  "outside_opening_hours",
  "slot_taken",
  "not_found",
  "ambiguous",
  "internal",
] as const;

export type VoiceError = (typeof VOICE_ERRORS)[number];

/** What every function answers: HTTP 200, `ok`, a German `message` the agent can say as it is. */
export type VoiceResult = { ok: boolean; message: string; error?: VoiceError } & Record<string, unknown>;

export type VoiceCall = { id: number; retellCallId: string; fromNumber: string | null; customerId: number | null };

/** Tenant context plus the call the function belongs to and the reference "now" (call start). */
export type VoiceCtx = Ctx & { call: VoiceCall; now: Date };

export const fail = (error: VoiceError, message: string, extra: Record<string, unknown> = {}): VoiceResult => ({
  ok: false,
  error,
  message,
  ...extra,
});

/**
 * The answer when SlotDesk itself cannot answer (the database restarts, a bug): nothing was booked
 * or changed by this request, and the caller hears that it is a technical problem.
 */
export const technicalProblem = (): VoiceResult =>
  fail(
    "internal",
    "Entschuldigung, wir haben gerade ein technisches Problem. Bitte versuchen Sie es in ein paar Minuten noch einmal.",
  );

/** A resolver either yields its value or the answer to give instead. */
export type Resolved<T> = { value: T; failure?: undefined } | { value?: undefined; failure: VoiceResult };

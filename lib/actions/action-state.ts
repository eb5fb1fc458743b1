import { CalcomError } from "../calcom";
import { isAppError } from "../errors";
import { logger } from "../logger";

export type ActionState = { ok: boolean; message: string; sessionExpired?: boolean } | null;
export type ActionFailure = NonNullable<ActionState>;

const MESSAGES: Partial<Record<string, string>> = {
  SLOT_TAKEN: "Diese Zeit ist inzwischen vergeben. Bitte wählen Sie eine andere.",
  IN_PAST: "Dieser Zeitpunkt liegt in der Vergangenheit.",
  OUTSIDE_OPENING_HOURS: "Zu dieser Zeit hat der Salon geschlossen.",
  NOT_FOUND: "Nicht gefunden – vielleicht wurde es gerade gelöscht.",
};

/** Any error of a server action → German feedback for the form; nothing unexpected leaks to the page. */
export function actionError(error: unknown): ActionFailure {
  if (isAppError(error)) {
    const sessionExpired = error.code === "UNAUTHENTICATED";
    return { ok: false, message: MESSAGES[error.code] ?? error.message, sessionExpired };
  }
  if (error instanceof CalcomError && error.kind === "not_connected") return { ok: false, message: error.message };
  if (error instanceof CalcomError) {
    return { ok: false, message: `Cal.com ist gerade nicht erreichbar oder lehnt ab: ${error.message}` };
  }
  logger.error({ err: error }, "server action failed");
  return { ok: false, message: "Das hat nicht geklappt. Bitte versuchen Sie es noch einmal." };
}

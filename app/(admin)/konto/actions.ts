"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { adminAction, type ActionState, actionError, form, text } from "@/lib/actions";
import { changeOwnPassword } from "@/lib/auth";
import { isAppError } from "@/lib/errors";

function failed(error: unknown): ActionState {
  if (isAppError(error) && error.code === "VALIDATION") {
    const issues = (error.details?.issues ?? []) as { message: string }[];
    if (issues[0]) return { ok: false, message: issues[0].message };
  }
  return actionError(error);
}

const passwords = (f: FormData) => ({
  currentPassword: text(f, "currentPassword"),
  newPassword: text(f, "newPassword"),
  newPasswordRepeat: text(f, "newPasswordRepeat"),
});

/** better-auth checks the current password and stores the new one; the admin's other sessions end. */
export const changePasswordAction = adminAction(
  z.tuple([z.unknown(), form(passwords)]),
  async ({ ctx, input: [, input] }): Promise<ActionState> => {
    await changeOwnPassword({ ctx, input: { ...input, headers: await headers() } });
    // The shell and every page read the session: a one-time password no longer sends anyone here.
    revalidatePath("/", "layout");
    return {
      ok: true,
      message: "Ihr Passwort wurde geändert. Andere Anmeldungen mit dem alten Passwort sind beendet.",
    };
  },
  failed,
);

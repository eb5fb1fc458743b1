"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction, type ActionState, actionError, form, text } from "@/lib/actions";
import { addAdmin, removeAdmin } from "@/lib/auth";
import { isAppError } from "@/lib/errors";

export type AddAdminState =
  | { ok: true; message: string; created: { name: string; email: string; oneTimePassword: string } }
  | { ok: false; message: string; sessionExpired?: boolean }
  | null;

/** The verbs' sentences without their field paths: the person reads the first problem. */
function failed(error: unknown): NonNullable<ActionState> {
  if (isAppError(error) && error.code === "VALIDATION") {
    const issues = (error.details?.issues ?? []) as { message: string }[];
    if (issues[0]) return { ok: false, message: issues[0].message };
  }
  return actionError(error);
}

/** Owner only (the verb checks): a colleague's login with a one-time password, shown once in the answer. */
export const addAdminAction = adminAction(
  z.tuple([z.unknown(), form((f) => ({ name: text(f, "name"), email: text(f, "email") }))]),
  async ({ ctx, input: [, input] }): Promise<AddAdminState> => {
    const created = await addAdmin({ ctx, input });
    revalidatePath("/zugaenge");
    const { name, email, oneTimePassword } = created;
    return { ok: true, message: `Zugang für ${name} angelegt.`, created: { name, email, oneTimePassword } };
  },
  (error): AddAdminState => ({ ...failed(error), ok: false }),
);

/** Owner only: removes a login of the same salon and ends its sessions. */
export const removeAdminAction = adminAction(
  z.tuple([z.string()]),
  async ({ ctx, input: [userId] }): Promise<ActionState> => {
    const removed = await removeAdmin({ ctx, input: { userId } });
    revalidatePath("/zugaenge");
    return { ok: true, message: `Zugang von ${removed.name} (${removed.email}) entfernt.` };
  },
  failed,
);

"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { loginInput, safeRedirectTarget } from "./schema";

export type LoginState = { error?: string; email?: string };

export async function signInAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = loginInput.safeParse(Object.fromEntries(formData));
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) return { error: "Bitte geben Sie eine gültige E-Mail-Adresse und Ihr Passwort ein.", email };
  try {
    const input = { email: parsed.data.email, password: parsed.data.password, headers: await headers() };
    await signIn({ ctx: { db: getDb(), actor: { type: "system" } }, input });
  } catch (error) {
    // Wrong password, unknown account or too many attempts: the verb's German message, nothing more.
    if (isAppError(error) && (error.code === "UNAUTHENTICATED" || error.code === "FORBIDDEN")) {
      return { error: error.message, email };
    }
    throw error;
  }
  redirect(safeRedirectTarget(parsed.data.next));
}

"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth";
import { loginInput, safeRedirectTarget } from "./schema";

export type LoginState = { error?: string; email?: string };

export async function signInAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = loginInput.safeParse(Object.fromEntries(formData));
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) return { error: "Bitte geben Sie eine gültige E-Mail-Adresse und Ihr Passwort ein.", email };
  try {
    await getAuth().api.signInEmail({
      body: { email: parsed.data.email, password: parsed.data.password },
      headers: await headers(),
    });
  } catch (error) {
    if (error instanceof APIError) {
      return { error: "E-Mail-Adresse oder Passwort ist falsch.", email };
    }
    throw error;
  }
  redirect(safeRedirectTarget(parsed.data.next));
}

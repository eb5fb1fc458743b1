"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth";

export async function signOutAction(): Promise<void> {
  // Signing out needs no prior check: without a session there is nothing to end.
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/login");
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getAdminCtx } from "@/lib/auth/web";
import { LoginForm } from "./login-form";
import { safeRedirectTarget } from "./schema";

export const metadata: Metadata = { title: "Anmelden" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await getAdminCtx()) redirect(safeRedirectTarget(next));
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-900 to-brand-700 px-4">
      <div className="w-full max-w-sm rounded-2xl bg-white p-8 shadow-xl">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">SlotDesk</h1>
        <p className="mb-6 mt-1 text-sm text-slate-500">
          Melden Sie sich an, um Anrufe, Termine und den Kalender-Abgleich Ihres Salons zu sehen.
        </p>
        <LoginForm next={next} />
      </div>
    </main>
  );
}

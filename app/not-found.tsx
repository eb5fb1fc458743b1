import Link from "next/link";
import { connection } from "next/server";
import { buttonClass } from "@/components/ui/button";

/** Rendered per request (not prerendered), so its scripts carry the request's CSP nonce. */
export default async function NotFound() {
  await connection();
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">Seite nicht gefunden</h1>
      <p className="mt-2 max-w-md text-sm text-slate-500">
        Diese Seite gibt es nicht, oder sie gehört nicht zu Ihrem Salon.
      </p>
      <Link href="/" className={`${buttonClass("primary")} mt-6`}>
        Zur Übersicht
      </Link>
    </div>
  );
}

import Link from "next/link";
import { buttonClass } from "./button";

/** The German page for an unexpected error: what happened, what to try, and the reference the log carries. */
export function ErrorView({ reference, onRetry }: { reference: string | undefined; onRetry: () => void }) {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center px-4 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">Das hat leider nicht geklappt</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">
        Beim Laden dieser Seite ist ein unerwarteter Fehler aufgetreten. Bitte versuchen Sie es noch einmal. Wenn es
        wieder passiert, nennen Sie dem Support diese Referenz:
      </p>
      <p className="mt-3 font-mono text-sm text-slate-900">{reference ?? "ohne Referenz"}</p>
      <div className="mt-6 flex gap-2">
        <button type="button" onClick={onRetry} className={buttonClass("primary")}>
          Erneut versuchen
        </button>
        <Link href="/" className={buttonClass("secondary")}>
          Zur Übersicht
        </Link>
      </div>
    </main>
  );
}

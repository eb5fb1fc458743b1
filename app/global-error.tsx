"use client";

import "./globals.css";
import { ErrorView } from "@/components/ui/error-view";

/** When even the root layout fails: the same German page, in its own document. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="de">
      <body className="bg-slate-50">
        <ErrorView reference={error.digest} onRetry={reset} />
      </body>
    </html>
  );
}

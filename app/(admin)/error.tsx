"use client";

import { ErrorView } from "@/components/ui/error-view";

/** An unexpected error inside the admin app: German, with the reference written to the server log. */
export default function AdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorView reference={error.digest} onRetry={reset} />;
}

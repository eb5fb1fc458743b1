import { after } from "next/server";

/**
 * Work the caller need not wait for (logs, counters): inside a Next.js request it runs after the
 * response has been sent; elsewhere — jobs, scripts, route handlers called directly in tests — it
 * runs at once and is awaited. The task must handle its own errors.
 */
export async function afterResponse(task: () => Promise<void>): Promise<void> {
  try {
    after(task);
    return;
  } catch {
    // No request scope: nothing to defer to.
  }
  await task();
}

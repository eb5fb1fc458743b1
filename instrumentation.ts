import type { Instrumentation } from "next";

/**
 * Next.js runs register() once as a server starts, before it serves a request: a configuration that
 * cannot work stops the web process here, with every problem listed, instead of failing requests later.
 */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is replaced at build time, so lib/env stays out of any edge bundle.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertEnvAtBoot } = await import("./lib/env");
  assertEnvAtBoot("web");
}

/**
 * Every server error the app did not handle is logged with its digest — the reference the German
 * error page shows — so the operator finds the stack from what the admin reads out. Only the route
 * and the path without its query are logged (a search may carry a customer's name).
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("./lib/logger");
  const reference = (error as { digest?: string }).digest ?? null;
  logger.error(
    { reference, method: request.method, path: request.path.split("?")[0], route: context.routePath, err: error },
    "request failed",
  );
};

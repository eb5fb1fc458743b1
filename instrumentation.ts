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

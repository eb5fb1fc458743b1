import { type NextRequest, NextResponse } from "next/server";
import { appUrl } from "./lib/env";
import { contentSecurityPolicy, isHttpsUrl, newNonce, securityHeaders } from "./lib/security-headers";

/** The header through which a page learns its own path (read by requireAdminPage: a sign-in returns there). */
const REQUEST_PATH_HEADER = "x-slotdesk-path";

/**
 * Hands the requested path and query to server components (they have no other way to read it) and
 * gives every page its security headers with a fresh script nonce. Next.js reads the nonce from the
 * request's policy and puts it on its own scripts; every page is rendered per request, so each gets it.
 */
export function proxy(request: NextRequest) {
  const url = appUrl();
  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    development: process.env.NODE_ENV === "development",
    https: isHttpsUrl(url),
  });
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  for (const [name, value] of Object.entries(securityHeaders(url))) response.headers.set(name, value);
  return response;
}

// Pages only: not the API (Retell, Cal.com, health, metrics), not Next's assets — next.config.ts
// gives those their headers (keep both lists in step).
export const config = { matcher: ["/((?!api/|_next/|favicon.ico).*)"] };

import { type NextRequest, NextResponse } from "next/server";

/** The header through which a page learns its own path (read by requireAdminPage: a sign-in returns there). */
const REQUEST_PATH_HEADER = "x-slotdesk-path";

/** Hands the requested path and query to server components (they have no other way to read it). */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

// Pages only: not the API (Retell, Cal.com, health, metrics), not Next's assets.
export const config = { matcher: ["/((?!api/|_next/|favicon.ico).*)"] };

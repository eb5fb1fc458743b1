import { z } from "zod";

export const loginInput = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
  next: z.string().optional(),
});

// Never requested: only resolves relative paths, so anything that lands elsewhere is refused.
const DUMMY_ORIGIN = "http://slotdesk.invalid";
// Browsers drop tabs and line breaks inside URLs and read "\" as "/": "/\t/evil" would become "//evil".
// eslint-disable-next-line no-control-regex
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f\\]/;

/**
 * Where to go after signing in: only a path of this site, as the URL parser understands it
 * (path, query, fragment); anything else — another origin, a scheme, "//…", the login itself — is "/".
 */
export function safeRedirectTarget(next: string | undefined): string {
  if (!next || CONTROL_OR_BACKSLASH.test(next) || !next.startsWith("/") || next.startsWith("//")) return "/";
  let url: URL;
  try {
    url = new URL(next, DUMMY_ORIGIN);
  } catch {
    return "/";
  }
  // Dot segments can still yield "//host" after parsing ("/.//evil.example"): refused too.
  if (url.origin !== DUMMY_ORIGIN || url.pathname.startsWith("//")) return "/";
  if (/^\/login(\/|$)/i.test(url.pathname)) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

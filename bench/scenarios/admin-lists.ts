import { getAuth } from "../../lib/auth/auth";
import { summarize, type Summary } from "../lib/stats";
import { LISTS_ADMIN } from "../seed";

export type PageTiming = Summary & { path: string; bytes: number; status: number };
export type AdminListsResult = { calls: number; appointments: number; pages: PageTiming[] };

/** Signs in as the big salon's admin through better-auth, as the login action does; returns the session cookie. */
export async function signIn(): Promise<string> {
  const response = await getAuth().api.signInEmail({
    body: { email: LISTS_ADMIN.email, password: LISTS_ADMIN.password },
    asResponse: true,
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]!);
  if (response.status !== 200 || cookies.length === 0)
    throw new Error(`sign-in failed: HTTP ${response.status} ${await response.text()}`);
  return cookies.join("; ");
}

/**
 * One page, `iterations` times after three unrecorded warm-ups: request sent → last byte of a complete
 * answer (HTML up to </html>, or any other body); anything but HTTP 200 stops the bench.
 */
export async function timePage(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  iterations = 30,
): Promise<PageTiming> {
  const samples: number[] = [];
  let bytes = 0;
  let status = 0;
  for (let i = -3; i < iterations; i++) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, { headers, redirect: "manual" });
    const body = await response.text();
    const ms = performance.now() - started;
    status = response.status;
    if (status !== 200) throw new Error(`${path}: HTTP ${status}`);
    if (body.includes("<html") && !body.includes("</html>")) throw new Error(`${path}: incomplete document`);
    bytes = body.length;
    if (i >= 0) samples.push(ms);
  }
  return { path, bytes, status, ...summarize(samples) };
}

/**
 * Item 5: server render time of the admin lists — the complete HTML document of a page request
 * with a session (request sent → last byte), as the browser's first navigation receives it.
 */
export async function measureAdminLists(baseUrl: string, iterations = 30): Promise<AdminListsResult> {
  const cookie = await signIn();
  const paths = [
    "/calls",
    "/calls?page=200",
    "/calls?q=Kunde%2012345",
    "/calls?sort=customer&dir=asc",
    "/calls?outcome=booked&sync=failed",
    "/appointments",
    "/appointments?page=200",
    "/appointments?q=Kunde%2012345",
    "/appointments?sort=customer&dir=asc",
    "/appointments?review=1",
  ];
  const pages: PageTiming[] = [];
  for (const path of paths) pages.push(await timePage(baseUrl, path, { cookie }, iterations));
  return { calls: 100_000, appointments: 150_000, pages };
}

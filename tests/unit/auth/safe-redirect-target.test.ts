import { describe, expect, it } from "vitest";
import { safeRedirectTarget } from "@/app/login/schema";

const SITE = "https://salon.example";
/** Where a browser on this site goes with the target as Location (the WHATWG parser, as in Chromium). */
const landsOn = (target: string) => new URL(target, SITE);

describe("after signing in, only a path of this site", () => {
  // `next` as Next.js hands it to the page: search params already percent-decoded.
  const attacks: [string, string][] = [
    ["/\t/evil.example", "tab between the slashes (next=/%09/evil.example)"],
    ["\t/evil.example", "leading tab"],
    ["/\n/evil.example", "line feed between the slashes"],
    ["/\r\nSet-Cookie:x", "header injection"],
    ["/ok\u0000", "NUL"],
    ["/ok\u007f", "DEL"],
    ["//evil.example", "protocol-relative"],
    ["///evil.example", "three slashes"],
    ["/\\evil.example", "slash backslash"],
    ["\\\\evil.example", "two backslashes"],
    ["/.//evil.example", "dot segment before //"],
    ["/..//evil.example", "dot-dot segment before //"],
    ["https://evil.example", "absolute URL"],
    ["http:/evil.example", "scheme without slashes"],
    ["javascript:alert(1)", "javascript scheme"],
    ["data:text/html,<script>alert(1)</script>", "data scheme"],
    [" /evil", "leading space"],
    ["evil.example", "no leading slash"],
    ["/login", "the login itself"],
    ["/login?next=/login", "the login with a next"],
    ["/login/", "the login with a slash"],
    ["", "empty"],
  ];

  it.each(attacks)("%j (%s) → /", (next) => {
    expect(safeRedirectTarget(next)).toBe("/");
  });

  it("keeps a page of this site with its query and fragment", () => {
    expect(safeRedirectTarget(undefined)).toBe("/");
    expect(safeRedirectTarget("/")).toBe("/");
    expect(safeRedirectTarget("/ok?x=1#h")).toBe("/ok?x=1#h");
    expect(safeRedirectTarget("/appointments/5")).toBe("/appointments/5");
    expect(safeRedirectTarget("/kunden?q=Weber")).toBe("/kunden?q=Weber");
    expect(safeRedirectTarget("/kunden?q=Müller")).toBe("/kunden?q=M%C3%BCller");
    expect(safeRedirectTarget("/anmeldungen")).toBe("/anmeldungen");
    for (const next of ["/ok?x=1#h", "/appointments/5", "/kunden?q=M%C3%BCller"]) {
      expect(landsOn(safeRedirectTarget(next)).href).toBe(`${SITE}${next}`);
    }
  });
});

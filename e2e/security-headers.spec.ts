import { expect, type Page, test } from "@playwright/test";
import { database } from "./agent";
import { logIn } from "./helpers";

/** The headers every response carries; the test stack runs on http, so without HSTS. */
function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"], what).toContain("object-src 'none'");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], what).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  expect(headers["strict-transport-security"], what).toBeUndefined();
}

const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

/** Every CSP violation the browser reports on this page, from its console and from the DOM event. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|CSP violation/.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${location.pathname}`),
    ),
  );
  return violations;
}

test.describe("Security headers", () => {
  test.beforeAll(({ baseURL }) => {
    expect(baseURL, "the test stack's APP_URL is http: no HSTS expected").toMatch(/^http:\/\//);
  });

  test("the login page, an admin page, the API, static files and error pages carry them", async ({ page, request }) => {
    const login = await page.goto("/login");
    const loginHeaders = login!.headers();
    expectSecurityHeaders(loginHeaders, "/login");
    const nonce = nonceOf(loginHeaders["content-security-policy"]);
    expect(loginHeaders["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic';/);
    expect(loginHeaders["content-security-policy"]).not.toContain("unsafe-eval");
    // Next.js put this response's nonce on every script of the page; the browser hides it from attributes.
    const scripts = await page.evaluate(() => Array.from(document.scripts, (s) => s.nonce));
    expect(scripts.length).toBeGreaterThan(0);
    expect(new Set(scripts)).toEqual(new Set([nonce]));
    const again = await request.get("/login");
    expect(nonceOf(again.headers()["content-security-policy"])).not.toBe(nonce);

    const asset = await page.locator("script[src*='/_next/static/']").first().getAttribute("src");
    for (const path of [asset!, "/favicon.svg", "/api/health", "/api/gibt-es-nicht", "/gibt-es-nicht"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(path.includes("gibt-es-nicht") ? 404 : 200);
      expectSecurityHeaders(response.headers(), path);
    }
    const metrics = await request.get("/api/metrics");
    expect(metrics.status()).toBe(401);
    expectSecurityHeaders(metrics.headers(), "/api/metrics");

    await logIn(page);
    const calendar = await page.goto("/kalender");
    expectSecurityHeaders(calendar!.headers(), "/kalender");
    expect(nonceOf(calendar!.headers()["content-security-policy"])).toBeTruthy();
  });

  test("no page violates the policy, and the client components still work", async ({ page }) => {
    const violations = await watchCsp(page);
    const sql = database();
    const [appointment] = await sql<{ id: number }[]>`select a.id from appointments a
      join companies c on c.id = a.company_id
      where c.retell_agent_id = 'agent_demo' and a.status = 'confirmed' and a.starts_at > now() order by a.id limit 1`;
    await sql.end();

    await page.goto("/login");
    await logIn(page);
    for (const [path, heading] of [
      ["/", "Übersicht"],
      ["/kalender", "Kalender"],
      ["/appointments", "Termine"],
      ["/sync", "Sync-Monitor"],
      [`/appointments/${appointment!.id}`, /·/],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    }

    // A confirmation only React can open (and close again: nothing is cancelled).
    await page.getByRole("button", { name: "Stornieren" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Bestätigen" });
    await expect(confirm.getByRole("button", { name: "Ja, stornieren" })).toBeVisible();
    await confirm.getByRole("button", { name: "Abbrechen" }).click();
    await expect(confirm).toHaveCount(0);

    const search = page.getByRole("searchbox", { name: /Überall suchen/ }).filter({ visible: true });
    await search.fill("Siegfried");
    await search.press("Enter");
    await expect(page).toHaveURL(/\/suche\?q=Siegfried/);
    await expect(page.getByText("Siegfried Reu").first()).toBeVisible();

    expect(violations).toEqual([]);
  });

  test("a page of another site cannot frame the app", async ({ page, baseURL }) => {
    const refused = page.waitForEvent("console", (message) => /frame-ancestors|X-Frame-Options/.test(message.text()));
    await page.setContent(`<h1>Fremde Seite</h1><iframe title="SlotDesk" src="${baseURL}/login"></iframe>`);
    await refused;
    await expect(page.frameLocator("iframe").getByLabel("E-Mail-Adresse")).toHaveCount(0);
  });
});

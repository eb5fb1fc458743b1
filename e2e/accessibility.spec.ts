import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, type Page, test } from "@playwright/test";
import { plainGermanFindings } from "../tests/support/plain-german";
import { database } from "./agent";
import { DEMO_ADMIN, logIn, snapshot } from "./helpers";
import { seedReference } from "./slots";

/**
 * Every admin page at a laptop (1440 × 900) and a phone (390 × 844): axe-core finds nothing serious
 * or critical, nothing is wider than the window, the page speaks plain German, and a screenshot is kept.
 */
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const VIEWPORTS = [
  { name: "1440", width: 1440, height: 900 },
  { name: "390", width: 390, height: 844 },
] as const;

type Finding = { id: string; impact: string; help: string; nodes: string[] };

async function axeFindings(page: Page): Promise<Finding[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: object) => Promise<any> } }).axe;
    const result = await axe.run({ resultTypes: ["violations"] });
    return (result.violations as any[])
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: (v.nodes as any[]).slice(0, 5).map((n) => `${n.target.join(" ")} — ${n.failureSummary}`),
      }));
  });
}

/** What sticks out to the right of the window: the page's own width and the widest culprits. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const limit = root.clientWidth;
    const culprits: string[] = [];
    if (root.scrollWidth > limit) {
      for (const el of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
        const r = el.getBoundingClientRect();
        if (r.right > limit + 1 && r.width > 0) {
          let scrolled = false;
          for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            const style = getComputedStyle(p);
            if (style.overflowX !== "visible" && p.getBoundingClientRect().right <= limit + 1) scrolled = true;
          }
          if (!scrolled)
            culprits.push(
              `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} → ${Math.round(r.right)}px`,
            );
        }
        if (culprits.length >= 5) break;
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: limit, culprits };
  });
}

async function pages(): Promise<{ path: string; name: string }[]> {
  const sql = database();
  try {
    const [admin] = await sql<{ companyId: string }[]>`
      select company_id as "companyId" from users where email = ${DEMO_ADMIN.email}`;
    const companyId = admin!.companyId;
    const one = async (query: Promise<{ id: string | number }[]>) => String((await query)[0]!.id);
    // The widest cases: a Kombi-Leistung with Cal.com ids and a failed phase, a call with a transcript.
    const appointment = await one(sql`
      select a.id from appointments a join services s on s.id = a.service_id
      where a.company_id = ${companyId} and s.composite
      order by (a.calcom_sync_status = 'failed') desc, (select count(*) from appointment_phases p
        where p.appointment_id = a.id and p.calcom_booking_uid is not null) desc, a.id limit 1`);
    // And one whose Cal.com ids are all filled in: long booking codes must not widen the page.
    const synced = await one(sql`
      select a.id from appointments a join services s on s.id = a.service_id
      where a.company_id = ${companyId} and s.composite and a.calcom_sync_status = 'synced'
        and a.calcom_v2_booking_uid is not null
      order by a.id limit 1`);
    const call = await one(sql`
      select id from calls where company_id = ${companyId} and transcript is not null order by started_at desc limit 1`);
    const customer = await one(sql`
      select c.id from customers c where c.company_id = ${companyId} and c.erased_at is null
      order by (select count(*) from appointments a where a.customer_id = c.id) desc limit 1`);
    const service = await one(sql`
      select id from services where company_id = ${companyId} and composite order by id limit 1`);
    const stylist = await one(sql`
      select id from staff where company_id = ${companyId} and active order by name limit 1`);
    return [
      { path: "/", name: "uebersicht" },
      { path: "/einrichtung", name: "einrichtung" },
      { path: "/kalender", name: "kalender-woche" },
      { path: "/kalender?ansicht=tag", name: "kalender-tag" },
      { path: "/appointments", name: "termine" },
      { path: "/appointments/new", name: "termin-neu" },
      { path: `/appointments/${appointment}`, name: "termin" },
      { path: `/appointments/${synced}`, name: "termin-synchron" },
      { path: "/calls", name: "anrufe" },
      { path: `/calls/${call}`, name: "anruf" },
      { path: "/kunden", name: "kunden" },
      { path: `/kunden/${customer}`, name: "kunde" },
      { path: "/suche?q=Wagner", name: "suche" },
      { path: "/sync", name: "sync" },
      { path: "/staff", name: "mitarbeiter" },
      { path: "/staff/new", name: "mitarbeiter-neu" },
      { path: `/staff/${stylist}`, name: "mitarbeiterin" },
      { path: "/services", name: "leistungen" },
      { path: "/services/new", name: "leistung-neu" },
      { path: `/services/${service}`, name: "leistung" },
      { path: "/oeffnungszeiten", name: "oeffnungszeiten" },
      { path: "/settings", name: "einstellungen" },
      { path: "/zugaenge", name: "zugaenge" },
      { path: "/konto", name: "konto" },
    ];
  } finally {
    await sql.end();
  }
}

async function check(page: Page, name: string) {
  const problems: string[] = [];
  for (const f of await axeFindings(page))
    problems.push(`axe ${f.impact} ${f.id}: ${f.help}\n    ${f.nodes.join("\n    ")}`);
  const wide = await overflow(page);
  if (wide.scrollWidth > wide.clientWidth)
    problems.push(`zu breit: ${wide.scrollWidth} > ${wide.clientWidth} px\n    ${wide.culprits.join("\n    ")}`);
  for (const f of plainGermanFindings(await page.content())) problems.push(`Sprache: ${f}`);
  await snapshot(page, `a11y-${name}`);
  return problems;
}

test("the login page: landmarks, no serious axe findings, no overflow, at both widths", async ({ page }) => {
  const problems: string[] = [];
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.goto("/login");
    await expect(page.getByRole("main")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    for (const p of await check(page, `login-${viewport.name}`)) problems.push(`/login @${viewport.name}: ${p}`);
  }
  expect(problems, problems.join("\n")).toEqual([]);
});

test("every admin page at 1440 and 390 px: axe, width, plain German, screenshots", async ({ page }) => {
  test.setTimeout(300_000);
  const all = await pages();
  await logIn(page);
  const problems: string[] = [];
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    for (const { path, name } of all) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      for (const p of await check(page, `${name}-${viewport.name}`)) problems.push(`${path} @${viewport.name}: ${p}`);
    }
  }
  expect(problems, problems.join("\n")).toEqual([]);
});

test("inline confirmations take the keyboard focus and give it back", async ({ page }) => {
  // Upcoming for the app's clock, which the seed follows (not PostgreSQL's: test:dates fakes only the app's).
  const dayAfter = new Date(seedReference().getTime() + 24 * 3_600_000);
  const sql = database();
  let id: string;
  try {
    const [row] = await sql<{ id: string }[]>`
      select a.id from appointments a join users u on u.company_id = a.company_id
      where u.email = ${DEMO_ADMIN.email} and a.status = 'confirmed' and a.starts_at > ${dayAfter}
      order by a.starts_at limit 1`;
    id = String(row!.id);
  } finally {
    await sql.end();
  }
  await logIn(page);
  await page.goto(`/appointments/${id}`);
  const cancel = page.getByRole("button", { name: "Stornieren", exact: true });
  await cancel.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog", { name: "Bestätigen" });
  // Destroying something: the focus lands on "Abbrechen", Escape closes, the focus is back where it was.
  await expect(dialog.getByRole("button", { name: "Abbrechen" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(cancel).toBeFocused();

  const retry = page.getByRole("button", { name: "Erneut synchronisieren" });
  await retry.focus();
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("button", { name: "Ja, synchronisieren" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Abbrechen" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect(retry).toBeFocused();
  // Nothing was cancelled on the way.
  await expect(page.getByRole("button", { name: "Stornieren", exact: true })).toBeVisible();
});

test("a table that scrolls sideways on a phone is reached and scrolled with the keyboard", async ({ page }) => {
  const appointment = (await pages()).find((p) => p.name === "termin")!.path;
  await logIn(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(appointment);
  const regions = page.locator(".overflow-x-auto");
  const scrolling = await regions.evaluateAll((els) =>
    els.map((el, i) => (el.scrollWidth > el.clientWidth ? i : -1)).filter((i) => i >= 0),
  );
  expect(scrolling.length).toBeGreaterThan(0);
  for (const i of scrolling) {
    const region = regions.nth(i);
    await region.focus();
    await expect(region).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  }
});

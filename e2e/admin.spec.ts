import { expect, test } from "@playwright/test";
import { bookViaAgent, database, simControl, waitFor } from "./agent";
import { logIn, SECOND_ADMIN, snapshot } from "./helpers";
import { dayAfterSeed, WEEKS } from "./slots";

// Thursday, Tuesday and Friday of this spec's own week after the demo data: nothing seeded there.
const THURSDAY = () => dayAfterSeed(4, WEEKS.admin);
const TUESDAY = () => dayAfterSeed(2, WEEKS.admin);
const FRIDAY = () => dayAfterSeed(5, WEEKS.admin);

const demoCompany = async () => {
  const sql = database();
  try {
    const [row] = await sql`select id from companies where retell_agent_id = 'agent_demo'`;
    return row!.id as string;
  } finally {
    await sql.end();
  }
};
const simKey = (companyId: string) => `cal_sim_${companyId.replace(/-/g, "").slice(0, 16)}`;
const simBookingsOf = async (companyId: string, appointmentId: number) =>
  (
    (await simControl(`/bookings?apiKey=${simKey(companyId)}`)) as {
      uid: string;
      status: string;
      start: string;
      metadata: Record<string, string>;
    }[]
  ).filter((b) => b.metadata.crm_appointment_id === String(appointmentId));

test.describe("Admin: Anrufe und Termine", () => {
  test("the calls list shows a composite booking with its segment count; the call detail shows its segments", async ({
    page,
  }) => {
    await logIn(page);
    await page.goto("/calls");
    await snapshot(page, "calls");
    // Which calls fill the first page depends on the time of day the demo data was generated at;
    // Siegfried Reu's perm (seed 000) is there on any day, so the list is searched for him first.
    await page.getByRole("searchbox", { name: /Suche/ }).fill("Siegfried");
    await page.getByRole("button", { name: "Filtern" }).click();
    await expect(page).toHaveURL(/q=Siegfried/);
    await expect(page.getByRole("link", { name: /^Dauerwelle \(4 Segmente\)$/ }).first()).toBeVisible();
    const row = page
      .getByRole("row")
      .filter({ hasText: "Siegfried Reu" })
      .filter({ hasText: "Dauerwelle (4 Segmente)" })
      .first();
    await row.getByRole("link", { name: /\d\d\.\d\d\.\d{4}/ }).click();
    await expect(page.getByRole("heading", { name: /Anruf vom/ })).toBeVisible();
    const segments = page.getByRole("region", { name: /Termin \d+/ });
    await expect(segments.getByRole("row")).toHaveCount(7);
    await expect(page.getByRole("list", { name: "Gesprächsverlauf" })).toBeVisible();
    await expect(
      page.getByRole("list", { name: "Funktionsaufrufe" }).getByText("book_appointment").first(),
    ).toBeVisible();
    await snapshot(page, "call-detail");
  });

  test("the appointment detail draws one bar per phase on the timeline", async ({ page }) => {
    await logIn(page);
    await page.goto("/appointments?service=&q=Siegfried&from=");
    await page
      .getByRole("row")
      .filter({ hasText: "Dauerwelle (4 Segmente)" })
      .first()
      .getByRole("link")
      .first()
      .click();
    const timeline = page.getByRole("list", { name: "Zeitleiste" });
    await expect(timeline.getByRole("listitem")).toHaveCount(6);
    await expect(timeline.getByRole("listitem").filter({ hasText: "Einwirkzeit" })).toHaveCount(2);
    await expect(page.getByText("Gesamtdauer 2 h 15 min")).toBeVisible();
    await snapshot(page, "appointment-detail");
  });

  test("create-then-400: the appointment shows failed, „Sync erneut prüfen“ turns it synced with booking IDs", async ({
    page,
    baseURL,
  }) => {
    const companyId = await demoCompany();
    const sql = database();
    await sql`update companies set post_sync_verification = false where id = ${companyId}`;
    await simControl("/faults", { method: "POST", body: JSON.stringify({ createThen400: "always" }) });
    try {
      const { appointmentId } = await bookViaAgent(baseURL!, {
        service: "Dauerwelle",
        date: THURSDAY(),
        time: "10:00",
        customer_name: "Fehlalarm Test",
        from: "+4915199000001",
        staff: "Emma",
      });
      await waitFor(async () => (await simBookingsOf(companyId, appointmentId)).length === 4);
      await logIn(page);
      await page.goto(`/appointments/${appointmentId}`);
      await expect(page.getByText("Fehlgeschlagen").first()).toBeVisible({ timeout: 30_000 });
      await snapshot(page, "appointment-failed");
      await simControl("/faults", { method: "DELETE" });
      await page.getByRole("button", { name: "Sync erneut prüfen" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Alle 4 Segmente in Cal.com gefunden" })).toBeVisible();
      await expect(page.getByText("Synchronisiert").first()).toBeVisible();
      const uids = (await simBookingsOf(companyId, appointmentId)).map((b) => b.uid);
      for (const uid of uids) await expect(page.getByText(uid, { exact: true }).first()).toBeVisible();
      await snapshot(page, "appointment-reverified");
    } finally {
      await simControl("/faults", { method: "DELETE" });
      await sql`update companies set post_sync_verification = true where id = ${companyId}`;
      await sql.end();
    }
  });

  test("reschedule and cancel in the browser are mirrored in Cal.com", async ({ page, baseURL }) => {
    const companyId = await demoCompany();
    const { appointmentId } = await bookViaAgent(baseURL!, {
      service: "Herrenhaarschnitt",
      date: TUESDAY(),
      time: "11:00",
      customer_name: "Verschiebe Test",
      from: "+4915199000002",
      staff: "Emma",
    });
    await waitFor(async () => (await simBookingsOf(companyId, appointmentId)).some((b) => b.status === "accepted"));
    await logIn(page);
    await page.goto(`/appointments/${appointmentId}`);
    await page.getByRole("button", { name: "Verschieben" }).click();
    const form = page.getByRole("form", { name: "Termin verschieben" });
    const sql = database();
    const [row] = await sql<
      { day: string }[]
    >`select to_char((starts_at at time zone 'Europe/Berlin') + interval '1 day', 'YYYY-MM-DD') as day from appointments where id = ${appointmentId}`;
    await sql.end();
    await form.getByLabel("Neuer Tag").fill(row!.day);
    const select = form.getByLabel("Freie Uhrzeit");
    await expect(select.locator("option").nth(1)).toBeAttached();
    const chosen = await select.locator("option").nth(3).getAttribute("value");
    await select.selectOption(chosen!);
    await form.getByRole("button", { name: "Verschieben" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Termin verschoben auf" })).toBeVisible();
    await waitFor(async () =>
      (await simBookingsOf(companyId, appointmentId)).some(
        (b) => b.status === "accepted" && Date.parse(b.start) === Date.parse(chosen!),
      ),
    );

    await page.getByRole("button", { name: "Stornieren" }).click();
    await page.getByRole("button", { name: "Ja, stornieren" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Termin storniert" })).toBeVisible();
    await waitFor(async () => {
      const bookings = await simBookingsOf(companyId, appointmentId);
      return bookings.length > 0 && bookings.every((b) => b.status === "cancelled");
    });
    await expect(page.getByText("Storniert").first()).toBeVisible();
  });

  test("server actions check the session themselves: an expired session changes nothing", async ({ page, context }) => {
    const sql = database();
    const [row] = await sql<
      { id: number; status: string }[]
    >`select a.id, a.calcom_sync_status as status from appointments a join companies c on c.id = a.company_id
      where c.retell_agent_id = 'agent_demo' and a.status = 'confirmed' and a.starts_at > now() order by a.id limit 1`;
    await logIn(page);
    await page.goto(`/appointments/${row!.id}`);
    await context.clearCookies();
    await page.getByRole("button", { name: "Stornieren" }).click();
    await page.getByRole("button", { name: "Ja, stornieren" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Sitzung ist abgelaufen" })).toBeVisible();
    const [after] = await sql<{ status: string }[]>`select status from appointments where id = ${row!.id}`;
    await sql.end();
    expect(after!.status).toBe("confirmed");
  });

  test("another company's admin gets 404 for this company's appointment and call", async ({ page }) => {
    const sql = database();
    const [appointment] =
      await sql`select a.id from appointments a join companies c on c.id = a.company_id where c.retell_agent_id = 'agent_demo' limit 1`;
    const [call] =
      await sql`select k.id from calls k join companies c on c.id = k.company_id where c.retell_agent_id = 'agent_demo' limit 1`;
    await sql.end();
    await logIn(page, SECOND_ADMIN);
    const response = await page.goto(`/appointments/${appointment!.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Seite nicht gefunden" })).toBeVisible();
    expect((await page.goto(`/calls/${call!.id}`))?.status()).toBe(404);
  });

  test("a customer name containing <script> is shown as text", async ({ page, baseURL }) => {
    const name = `<script>window.__xss = 1</script> Mallory`;
    const { appointmentId } = await bookViaAgent(baseURL!, {
      service: "Föhnen",
      date: FRIDAY(),
      time: "15:00",
      customer_name: name,
      from: "+4915199000003",
      staff: "Emma",
    });
    await logIn(page);
    await page.goto(`/appointments/${appointmentId}`);
    await expect(page.getByRole("heading", { name: `Föhnen · ${name}` })).toBeVisible();
    await page.goto("/appointments?q=Mallory&from=");
    await expect(page.getByText(name).first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await snapshot(page, "appointments");
  });
});

test("every admin page renders in German on a laptop and a tablet (screenshots)", async ({ page }) => {
  await logIn(page);
  for (const viewport of [
    { width: 1280, height: 800, name: "laptop" },
    { width: 820, height: 1180, name: "tablet" },
  ]) {
    await page.setViewportSize(viewport);
    for (const [path, heading] of [
      ["/", "Übersicht"],
      ["/calls", "Anrufe"],
      ["/appointments", "Termine"],
      ["/sync", "Sync-Monitor"],
      ["/staff", "Mitarbeiter"],
      ["/services", "Leistungen"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
      await snapshot(page, `${viewport.name}-${path === "/" ? "overview" : path.slice(1)}`);
    }
  }
});

import { expect, type Page, test } from "@playwright/test";
import { database } from "./agent";
import { logIn, snapshot } from "./helpers";

const MANAGED_PARENT = 3982562;
const SEED_004 = (sql: ReturnType<typeof database>) => sql`
  m.service_id = s.id and m.staff_id = st.id and s.company_id = c.id and c.retell_agent_id = 'agent_demo'
  and s.name = 'Ansatz + Längenausgleich' and st.name = 'Lena Hoffmann' and m.segment_key = 'A'`;

/** The event type seed 004's mapping points at; restoring it lets the spec run again on the same database. */
async function seed004Mapping(restore = false): Promise<number> {
  const sql = database();
  try {
    if (restore) {
      await sql`update calcom_event_map m set event_type_id = ${MANAGED_PARENT}, child_event_type_id = null
        from services s, staff st, companies c where ${SEED_004(sql)}`;
    }
    const [row] =
      await sql`select m.event_type_id from calcom_event_map m, services s, staff st, companies c where ${SEED_004(sql)}`;
    return Number(row!.event_type_id);
  } finally {
    await sql.end();
  }
}

async function deleteServices(names: string[]) {
  const sql = database();
  try {
    await sql`delete from services where name in ${sql(names)} and company_id = (select id from companies where retell_agent_id = 'agent_demo')`;
  } finally {
    await sql.end();
  }
}

const segment = (page: Page, n: number) => page.getByRole("group", { name: `Segment ${n}`, exact: true });

test.describe("Admin: Services", () => {
  test("the list shows the Dauerwelle with its six segments in order", async ({ page }) => {
    await logIn(page);
    await page.goto("/services");
    await expect(page.getByRole("heading", { name: "Leistungen", level: 1 })).toBeVisible();
    const perm = page.getByRole("list", { name: "Segmente von Dauerwelle", exact: true });
    await expect(perm.getByRole("listitem")).toHaveCount(6);
    await expect(perm.getByRole("listitem").filter({ hasText: "Einwirkzeit" })).toHaveCount(2);
    await expect(perm.getByRole("listitem").first()).toContainText("Haare wickeln");
    await expect(perm.getByRole("listitem").last()).toContainText("Schneiden & Styling");
    await snapshot(page, "services");
  });

  test("seed 004: the managed parent is flagged, the dry run changes nothing, provisioning makes the row OK", async ({
    page,
  }) => {
    // The audit, two dry runs and the apply share the demo key's Cal.com budget with the worker's sync and
    // reconcile jobs; when the key hits Cal.com's limit it is blocked for 60 s and the client waits that out.
    test.setTimeout(180_000);
    const paced = expect.configure({ timeout: 70_000 });
    await seed004Mapping(true);
    await logIn(page);
    await page.goto("/services");
    const problems = page.getByRole("table", { name: "Probleme mit Event-Typen" });
    const row = problems
      .getByRole("row")
      .filter({ hasText: "Ansatz + Längenausgleich" })
      .filter({ hasText: "Lena Hoffmann" });
    await paced(row).toHaveCount(1);
    await paced(row.getByText("Verwalteter Event-Typ – nicht buchbar").first()).toBeVisible();
    await paced(row).toContainText(String(MANAGED_PARENT));

    await page.getByRole("button", { name: "Provisionierung prüfen (Trockenlauf)" }).click();
    await paced(page.getByRole("status").filter({ hasText: "Es wurde nichts geändert" })).toBeVisible();
    const step = page
      .getByRole("table", { name: "Provisionierungsplan" })
      .getByRole("row")
      .filter({ hasText: "Ansatz + Längenausgleich" })
      .filter({ hasText: "Lena Hoffmann" });
    await paced(step).toContainText(/Anlegen|Wiederverwenden/);
    await snapshot(page, "services-dry-run");
    expect(await seed004Mapping()).toBe(MANAGED_PARENT);
    await page.reload();
    await paced(row.getByText("Verwalteter Event-Typ – nicht buchbar").first()).toBeVisible();

    await page.getByRole("button", { name: "Provisionierung prüfen (Trockenlauf)" }).click();
    await page.getByRole("button", { name: "Event-Typen jetzt anlegen" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Ja, jetzt anlegen" }).click();
    await paced(
      page.getByRole("status").filter({ hasText: /\d+ angelegt, \d+ wiederverwendet, \d+ übersprungen/ }),
    ).toBeVisible();
    await paced(row).toHaveCount(0);
    expect(await seed004Mapping()).not.toBe(MANAGED_PARENT);
    await snapshot(page, "services-provisioned");

    await page.getByRole("link", { name: "Ansatz + Längenausgleich bearbeiten" }).click();
    const health = page.getByRole("table", { name: "Cal.com-Zuordnung je Segment und Mitarbeiter" });
    const fixed = health
      .getByRole("row")
      .filter({ hasText: "Lena Hoffmann" })
      .filter({ hasText: "Ansatzfärbung & Längenausgleich auftragen" });
    await paced(fixed.getByText("OK", { exact: true })).toBeVisible();
    await snapshot(page, "service-detail");
  });

  test("creates a composite service with a processing gap in the editor; a trailing gap is refused in German", async ({
    page,
  }) => {
    const name = `Testwelle ${Date.now().toString(36)}`;
    const refused = `${name} Lücke`;
    try {
      await logIn(page);
      await page.goto("/services");
      await page.getByRole("link", { name: "Neue Leistung" }).click();
      await page.getByLabel("Name der Leistung").fill(name);
      await page.getByLabel("Synonyme (durch Kommas getrennt)").fill("Probewelle, probewelle");
      await page.getByLabel("Preis in Euro").fill("79,50");
      await page.getByLabel("Kombi-Leistung (mehrere Segmente mit Einwirkzeiten)").check();
      await segment(page, 1).getByLabel("Bezeichnung").fill("Haare wickeln");
      await segment(page, 1).getByLabel("Minuten").fill("40");
      await page.getByRole("button", { name: "Einwirkzeit hinzufügen" }).click();
      await expect(segment(page, 2).getByLabel("Mitarbeiter nötig")).not.toBeChecked();
      await segment(page, 2).getByLabel("Minuten").fill("20");
      await page.getByRole("button", { name: "Segment hinzufügen" }).click();
      await segment(page, 3).getByLabel("Bezeichnung").fill("Föhnen");
      await segment(page, 3).getByLabel("Minuten").fill("30");
      await page.getByRole("button", { name: "Segment hinzufügen" }).click();
      await segment(page, 4).getByLabel("Bezeichnung").fill("Schneiden");
      await segment(page, 4).getByLabel("Minuten").fill("25");
      await segment(page, 4).getByRole("button", { name: "Nach oben" }).click();
      await expect(segment(page, 3).getByLabel("Bezeichnung")).toHaveValue("Schneiden");
      await snapshot(page, "service-new");
      await page.getByRole("button", { name: "Leistung anlegen" }).click();

      await expect(page.getByText(`Leistung „${name}“ angelegt.`)).toBeVisible();
      const created = page.getByRole("list", { name: `Segmente von ${name}`, exact: true }).getByRole("listitem");
      await expect(created).toHaveCount(4);
      await expect(created.nth(1)).toContainText("Einwirkzeit");
      await expect(created.nth(2)).toContainText("Schneiden");
      await expect(created.nth(3)).toContainText("Föhnen");

      await page.goto("/services/new");
      await page.getByLabel("Name der Leistung").fill(refused);
      await page.getByLabel("Kombi-Leistung (mehrere Segmente mit Einwirkzeiten)").check();
      await segment(page, 1).getByLabel("Bezeichnung").fill("Farbe auftragen");
      await segment(page, 1).getByLabel("Minuten").fill("30");
      await page.getByRole("button", { name: "Einwirkzeit hinzufügen" }).click();
      await page.getByRole("button", { name: "Leistung anlegen" }).click();
      await expect(
        page.getByRole("status").filter({ hasText: "Eine Leistung kann nicht mit einer Einwirkzeit enden" }),
      ).toBeVisible();
      await expect(page).toHaveURL(/\/services\/new$/);
      await snapshot(page, "service-new-refused");
      await page.goto("/services");
      await expect(page.getByRole("heading", { name: refused })).toHaveCount(0);
    } finally {
      await deleteServices([name, refused]);
    }
  });
});

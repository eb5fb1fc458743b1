import { expect, test, type Page } from "@playwright/test";
import { database } from "./agent";
import { logIn, snapshot } from "./helpers";

type Saved = {
  id: string;
  hold_minutes: number;
  opening_hours: unknown;
  calcom_api_key_encrypted: string | null;
  post_sync_verification: boolean;
};
let original: Saved;

const demoRow = async () => {
  const sql = database();
  try {
    const [row] = await sql<
      Saved[]
    >`select id, hold_minutes, opening_hours, calcom_api_key_encrypted, post_sync_verification from companies where retell_agent_id = 'agent_demo'`;
    return row!;
  } finally {
    await sql.end();
  }
};

const openSettings = async (page: Page) => {
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Einstellungen", level: 1 })).toBeVisible();
};

test.describe("Einstellungen", () => {
  test.beforeAll(async () => {
    original = await demoRow();
  });

  // Safety net: other specs use the demo salon, so whatever a failed step left behind is undone here.
  test.afterAll(async () => {
    const sql = database();
    await sql`update companies set hold_minutes = ${original.hold_minutes}, opening_hours = ${sql.json(original.opening_hours as never)},
      calcom_api_key_encrypted = ${original.calcom_api_key_encrypted}, post_sync_verification = ${original.post_sync_verification} where id = ${original.id}`;
    await sql.end();
  });

  test("the hold minutes are saved and still there after a reload", async ({ page }) => {
    await logIn(page);
    await openSettings(page);
    const booking = () => page.getByRole("form", { name: "Terminbuchung" });
    const hold = () => booking().getByLabel("Reservierungsdauer (Minuten)");
    const before = await hold().inputValue();
    const changed = before === "7" ? "8" : "7";
    await hold().fill(changed);
    await booking().getByRole("button", { name: "Speichern" }).click();
    await expect(booking().getByRole("status")).toHaveText("Einstellungen zur Terminbuchung gespeichert.");
    await page.reload();
    await expect(hold()).toHaveValue(changed);
    await snapshot(page, "settings");

    await hold().fill(before);
    await booking().getByRole("button", { name: "Speichern" }).click();
    await expect(booking().getByRole("status")).toHaveText("Einstellungen zur Terminbuchung gespeichert.");
    expect((await demoRow()).hold_minutes).toBe(Number(before));
  });

  test("a Cal.com API key is write-only: the page shows „hinterlegt“, never the key", async ({ page }) => {
    const key = `cal_e2e_${Date.now()}_streng_geheim`;
    await logIn(page);
    await openSettings(page);
    const calcom = page.getByRole("form", { name: "Cal.com", exact: true });
    const apiKey = calcom.getByRole("group", { name: "API-Key", exact: true });
    await expect(calcom.getByText(new RegExp(`/api/calcom/webhook\\?company=${original.id}`))).toBeVisible();
    await apiKey.getByLabel("Neuen API-Key eingeben").fill(key);
    await calcom.getByRole("button", { name: "Speichern" }).click();
    await expect(calcom.getByRole("status")).toHaveText("Cal.com-Verbindung gespeichert.");
    await expect(apiKey.getByText("hinterlegt", { exact: true })).toBeVisible();
    await expect(apiKey.getByLabel("Neuen API-Key eingeben")).toHaveValue("");
    expect(await page.content()).not.toContain(key);
    await page.reload();
    await expect(apiKey.getByText("hinterlegt", { exact: true })).toBeVisible();
    expect(await page.content()).not.toContain(key);
    const stored = (await demoRow()).calcom_api_key_encrypted;
    expect(stored).toBeTruthy();
    expect(stored).not.toContain(key);

    await apiKey.getByLabel("API-Key entfernen").check();
    await calcom.getByRole("button", { name: "Speichern" }).click();
    await expect(calcom.getByRole("status")).toHaveText("Cal.com-Verbindung gespeichert.");
    await expect(apiKey.getByText("nicht hinterlegt", { exact: true })).toBeVisible();
  });

  test("a closing time before the opening time is refused in German and changes nothing", async ({ page }) => {
    await logIn(page);
    await openSettings(page);
    const hours = () => page.getByRole("form", { name: "Öffnungszeiten" });
    await expect(hours().getByLabel("Montag geschlossen")).not.toBeChecked();
    const close = () => hours().getByLabel("Montag schließt");
    const before = await close().inputValue();
    await close().fill("06:00");
    await hours().getByRole("button", { name: "Speichern" }).click();
    await expect(hours().getByRole("alert")).toContainText(
      "Montag: Die Schließzeit muss nach der Öffnungszeit liegen.",
    );
    await expect(close()).toHaveValue("06:00");
    expect((await demoRow()).opening_hours).toEqual(original.opening_hours);
    await page.reload();
    await expect(close()).toHaveValue(before);
  });

  test("Post-Sync-Verifikation can be switched off and on again", async ({ page }) => {
    await logIn(page);
    await openSettings(page);
    const flags = () => page.getByRole("form", { name: "Abgleich mit Cal.com" });
    const box = () => flags().getByLabel("Buchungen nach unklarer Antwort in Cal.com nachprüfen");
    const initially = await box().isChecked();
    for (const wanted of [!initially, initially]) {
      await box().setChecked(wanted);
      await flags().getByRole("button", { name: "Speichern" }).click();
      await expect(flags().getByRole("status")).toHaveText("Einstellungen zum Abgleich gespeichert.");
      await page.reload();
      await expect(box()).toBeChecked({ checked: wanted });
      expect((await demoRow()).post_sync_verification).toBe(wanted);
    }
  });

  test("the go-live check runs against Cal.com and shows every step in German", async ({ page }) => {
    test.setTimeout(120_000);
    await logIn(page);
    await openSettings(page);
    await page.getByRole("button", { name: "Go-Live-Prüfung starten" }).click();
    // The demo's history holds an earlier passed check; the steps below must be this run's.
    await expect(page.getByText(/Zuletzt geprüft/)).toBeHidden({ timeout: 90_000 });
    const steps = page.getByRole("list", { name: "Schritte der Go-Live-Prüfung" });
    await expect(steps.getByRole("listitem")).toHaveCount(9, { timeout: 90_000 });
    await expect(steps.getByRole("listitem").first()).toContainText("Verbindung und API-Schlüssel (in Ordnung)");
    await expect(steps.getByRole("listitem").nth(1)).toContainText("Team (in Ordnung)");
    await expect(steps.getByRole("listitem").last()).toContainText("Keine Testbuchung bleibt in Cal.com zurück.");
    await snapshot(page, "settings-go-live-check");
  });
});

import { expect, test } from "@playwright/test";
import { logIn, snapshot } from "./helpers";

test.describe("Sync-Monitor", () => {
  test("a failed appointment is in the review queue and leaves it after „Prüfen“ finds its bookings in Cal.com", async ({ page }) => {
    await logIn(page);
    await page.goto("/sync");
    await expect(page.getByRole("heading", { name: "Sync-Monitor", level: 1 })).toBeVisible();
    await expect(page.getByRole("img", { name: /pro Stunde/ })).toBeVisible();
    await expect(page.getByRole("img", { name: /pro Tag/ })).toBeVisible();
    await expect(page.getByText("Automatisch gerettet")).toBeVisible();
    await expect(page.getByText("Cal.com-Fehler der letzten 7 Tage")).toBeVisible();
    // Seed 000: Siegfried Reu's Dauerwelle was marked failed although Cal.com created its bookings.
    const queue = page.getByRole("list", { name: "Prüfliste" });
    const row = queue.getByRole("listitem", { name: "Termin Siegfried Reu" }).filter({ hasText: "Dauerwelle" });
    await expect(row).toHaveCount(1);
    await snapshot(page, "sync-monitor");
    await row.getByRole("button", { name: "Prüfen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Segmente in Cal.com gefunden – erledigt" })).toBeVisible();
    await expect(row).toHaveCount(0);
  });

  test("bulk re-verify and retry queue jobs for the selected appointments", async ({ page }) => {
    await logIn(page);
    await page.goto("/sync");
    const queue = page.getByRole("list", { name: "Prüfliste" });
    const boxes = queue.getByRole("checkbox");
    // The demo seeds several failed and partial appointments for review (see lib/seed).
    await expect(boxes.nth(1)).toBeVisible();
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole("button", { name: "Auswahl prüfen (2)" }).click();
    await expect(page.getByRole("status").filter({ hasText: "2 Termine werden im Hintergrund geprüft" })).toBeVisible();
  });
});

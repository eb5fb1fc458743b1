import { expect, test } from "@playwright/test";
import { logIn, snapshot } from "./helpers";

test("the two „Fabian Spitzer“ records are flagged and can be merged after a preview", async ({ page }) => {
  await logIn(page);
  await page.goto("/staff");
  await expect(page.getByRole("heading", { name: "Mitarbeiter", level: 1 })).toBeVisible();
  const card = page.locator("section").filter({ has: page.getByRole("heading", { name: "Mögliches Duplikat: Fabian Spitzer" }) });
  await expect(card).toBeVisible();
  await expect(page.getByText("Duplikat?")).toHaveCount(2);
  await expect(card.getByText("gleicher Name")).toBeVisible();
  await card.getByRole("button", { name: "Vorschau anzeigen" }).click();
  const preview = card.getByRole("region", { name: "Vorschau" });
  await expect(preview).toContainText("Termine");
  await expect(preview).toContainText("Cal.com-Zuordnungen");
  await snapshot(page, "staff-merge-preview");
  await card.getByRole("button", { name: "Jetzt zusammenführen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Zusammengeführt:" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Mögliches Duplikat: Fabian Spitzer" })).toHaveCount(0);
  await expect(page.getByText(/zusammengeführt in Fabian Spitzer/)).toBeVisible();
  await snapshot(page, "staff");
});

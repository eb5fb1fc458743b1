import { expect, type Page } from "@playwright/test";

export const DEMO_ADMIN = { email: "admin@salon-demo.de", password: "SlotDesk-Demo-2026" };
export const SECOND_ADMIN = { email: "admin@haarwerk-nord.de", password: "Haarwerk-Nord-2026" };

export async function logIn(page: Page, who = DEMO_ADMIN): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-Mail-Adresse").fill(who.email);
  await page.getByLabel("Passwort").fill(who.password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByRole("navigation", { name: "Hauptnavigation" }).first()).toBeVisible();
}

/** Full-page screenshot kept as an artifact of the run. */
export async function snapshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e-artifacts/screenshots/${name}.png`, fullPage: true });
}

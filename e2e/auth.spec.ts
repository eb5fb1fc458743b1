import { expect, test } from "@playwright/test";
import { DEMO_ADMIN, logIn, SECOND_ADMIN, snapshot } from "./helpers";

test.describe("Anmeldung", () => {
  test("ohne Sitzung führt jede Admin-Seite zur Anmeldung", async ({ page }) => {
    for (const path of ["/", "/calls", "/appointments", "/sync", "/staff", "/services"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login/);
    }
    await expect(page.getByRole("button", { name: "Anmelden" })).toBeVisible();
    await snapshot(page, "login");
  });

  test("nach der Anmeldung geht es zur Seite, die geöffnet wurde — nur innerhalb von SlotDesk", async ({ page }) => {
    await page.goto("/kunden?q=Weber");
    await expect(page).toHaveURL(/\/login\?next=%2Fkunden%3Fq%3DWeber/);
    await expect(page.getByRole("main")).toBeVisible();
    await expect(page.getByRole("heading", { name: "SlotDesk", level: 1 })).toBeVisible();
    await page.getByLabel("E-Mail-Adresse").fill(DEMO_ADMIN.email);
    await page.getByLabel("Passwort").fill(DEMO_ADMIN.password);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page).toHaveURL(/\/kunden\?q=Weber$/);
    await page.context().clearCookies();
    await page.goto("/login?next=//example.com/");
    await page.getByLabel("E-Mail-Adresse").fill(DEMO_ADMIN.email);
    await page.getByLabel("Passwort").fill(DEMO_ADMIN.password);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page.getByRole("heading", { name: "Übersicht" })).toBeVisible();
    expect(page.url()).not.toContain("example.com");
  });

  test("ein Steuerzeichen in next führt nach der Anmeldung nicht auf eine fremde Seite", async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const signInVia = async (path: string) => {
      await page.context().clearCookies();
      await page.goto(path);
      await page.getByLabel("E-Mail-Adresse").fill(DEMO_ADMIN.email);
      await page.getByLabel("Passwort").fill(DEMO_ADMIN.password);
      await page.getByRole("button", { name: "Anmelden" }).click();
    };
    // Next hands the page "/\t/evil.example"; a browser drops the tab and would read "//evil.example".
    await signInVia("/login?next=%2F%09%2Fevil.example");
    await expect(page.getByRole("heading", { name: "Übersicht" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(origin);
    expect(new URL(page.url()).pathname).toBe("/");

    await signInVia("/login?next=%2Fkunden");
    await expect(page).toHaveURL(`${origin}/kunden`);
    await expect(page.getByRole("navigation", { name: "Hauptnavigation" }).first()).toBeVisible();
  });

  test("ein falsches Passwort wird abgewiesen", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("E-Mail-Adresse").fill(DEMO_ADMIN.email);
    await page.getByLabel("Passwort").fill("falsches-passwort-123");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "falsch" })).toHaveText(
      "E-Mail-Adresse oder Passwort ist falsch.",
    );
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/calls");
    await expect(page).toHaveURL(/\/login/);
  });

  test("anmelden, Navigation sehen, abmelden", async ({ page }) => {
    await logIn(page);
    await expect(page.getByRole("heading", { name: "Übersicht" })).toBeVisible();
    await expect(page.getByText("Salon Demo").first()).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Hauptnavigation" }).first();
    for (const label of ["Anrufe", "Termine", "Sync-Monitor", "Mitarbeiter", "Leistungen"]) {
      await expect(nav.getByRole("link", { name: label })).toBeVisible();
    }
    await snapshot(page, "overview");

    await nav.getByRole("link", { name: "Anrufe" }).click();
    await expect(page.getByRole("heading", { name: "Anrufe" })).toBeVisible();
    await nav.getByRole("link", { name: "Leistungen" }).click();
    await expect(page.getByRole("heading", { name: "Dauerwelle" })).toBeVisible();

    await page.getByRole("button", { name: "Abmelden" }).first().click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/appointments");
    await expect(page).toHaveURL(/\/login/);
  });
});

test("jede Firma sieht nur ihre eigenen Daten", async ({ page }) => {
  await logIn(page, SECOND_ADMIN);
  await expect(page.getByText("Haarwerk Nord").first()).toBeVisible();
  await page.goto("/services");
  await expect(page.getByRole("heading", { name: "Färben" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Dauerwelle" })).toHaveCount(0);
  await page.goto("/staff");
  await expect(page.getByText("Jonas Krüger").first()).toBeVisible();
  await expect(page.getByText("Fabian Spitzer")).toHaveCount(0);
});

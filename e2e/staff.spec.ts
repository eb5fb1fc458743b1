import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { database } from "./agent";
import { logIn, snapshot } from "./helpers";

/** Two records of one new person in the demo salon (as seed 003's "Fabian Spitzer"): this spec's own data. */
async function makeDuplicatePair(): Promise<string> {
  const name = `Jana Doppel-${randomBytes(3)
    .toString("hex")
    .replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`;
  const sql = database();
  try {
    const [company] = await sql<{ id: string }[]>`select id from companies where retell_agent_id = 'agent_demo'`;
    const rows = await sql<{ id: string }[]>`insert into staff (company_id, name, email) values
      (${company!.id}, ${name}, ${`${name.toLowerCase()}@salon-demo.de`}), (${company!.id}, ${name}, null) returning id`;
    for (const row of rows) {
      await sql`insert into staff_working_hours (company_id, staff_id, weekday, start_time, end_time) values (${company!.id}, ${row.id}, 2, '10:00', '16:00')`;
    }
    return name;
  } finally {
    await sql.end();
  }
}

test("two records of one stylist are flagged and can be merged after a preview", async ({ page }) => {
  const name = await makeDuplicatePair();
  await logIn(page);
  await page.goto("/staff");
  await expect(page.getByRole("heading", { name: "Mitarbeiter", level: 1 })).toBeVisible();
  const card = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: `Mögliches Duplikat: ${name}` }) });
  await expect(card).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: name }).getByText("Duplikat?")).toHaveCount(2);
  await expect(card.getByText("gleicher Name")).toBeVisible();
  await card.getByRole("button", { name: "Vorschau anzeigen" }).click();
  const preview = card.getByRole("region", { name: "Vorschau" });
  await expect(preview).toContainText("Termine");
  await expect(preview).toContainText("Cal.com-Zuordnungen");
  await snapshot(page, "staff-merge-preview");
  await card.getByRole("button", { name: "Jetzt zusammenführen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Zusammengeführt:" })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Mögliches Duplikat: ${name}` })).toHaveCount(0);
  await expect(page.getByText(`zusammengeführt in ${name}`)).toBeVisible();
  await snapshot(page, "staff");
});

import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { database } from "./agent";
import { logIn, snapshot } from "./helpers";
import { dayAfterSeed, WEEKS } from "./slots";

/** A Tuesday after the seeded weeks: Emma Wagner works 10–18 and nothing is booked yet. */
const TUESDAY = () => dayAfterSeed(2, WEEKS.frontDesk);
const tag = () =>
  randomBytes(3)
    .toString("hex")
    .replace(/\d/g, (d) => "abcdefghij"[Number(d)]!);

test("a Dauerwelle booked from an empty calendar slot shows its phases; a second tab on that slot is refused", async ({
  page,
  context,
}) => {
  const customer = `Karla Kalender-${tag()}`;
  await logIn(page);
  await page.goto(`/kalender?ansicht=tag&datum=${TUESDAY()}`);
  await page.getByRole("link", { name: /^Termin anlegen bei Emma Wagner am .* um 10:00$/ }).click();
  await expect(page.getByRole("heading", { name: "Neuer Termin", level: 1 })).toBeVisible();
  await page.getByLabel("Leistung", { exact: true }).selectOption({ label: "Dauerwelle" });
  await page.getByRole("button", { name: "Freie Zeiten zeigen" }).click();
  await expect(page.getByRole("radio", { name: "10:00 Uhr" })).toBeChecked();

  // The same form in a second admin tab, opened before the first one books.
  const second = await context.newPage();
  await second.goto(page.url());
  await expect(second.getByRole("radio", { name: "10:00 Uhr" })).toBeChecked();

  await page.getByLabel("Name (neuer Kunde)").fill(customer);
  await page.getByLabel("Telefon (optional)").fill(`0151 ${Date.now().toString().slice(-8)}`);
  await page.getByRole("button", { name: "Termin anlegen" }).click();
  await expect(page).toHaveURL(/\/appointments\/\d+\?angelegt=1/);
  await expect(page.getByText(customer).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Verlauf", exact: true })).toBeVisible();

  await second.getByLabel("Name (neuer Kunde)").fill(`${customer} zwei`);
  await second.getByRole("button", { name: "Termin anlegen" }).click();
  await expect(second.getByRole("alert").filter({ hasText: "vergeben" })).toBeVisible();
  await expect(second).toHaveURL(/\/appointments\/new/);
  await second.close();

  await page.goto(`/kalender?ansicht=woche&datum=${TUESDAY()}`);
  const block = page.getByRole("link").filter({ hasText: customer });
  await expect(block).toHaveCount(1);
  await expect(block).toContainText("Dauerwelle");
  await expect(block).toContainText("Einwirkzeit");
  await snapshot(page, "calendar-week");

  const sql = database();
  try {
    const rows = await sql<
      { n: number }[]
    >`select count(*)::int as n from appointments a join customers c on c.id = a.customer_id
      where c.name like ${`${customer}%`} and a.status = 'confirmed'`;
    expect(rows[0]!.n).toBe(1);
  } finally {
    await sql.end();
  }
});

test("a past appointment is marked 'Nicht erschienen' and its history says who did it", async ({ page }) => {
  const sql = database();
  let id: number;
  try {
    // The seed marks only appointments before its reference time "completed": past for the app's clock
    // too (the database's now() is the machine's, which test:dates does not move).
    const [row] = await sql<{ id: number }[]>`select a.id from appointments a join companies co on co.id = a.company_id
      where co.retell_agent_id = 'agent_demo' and a.status = 'completed'
      order by a.starts_at desc limit 1`;
    id = Number(row!.id);
  } finally {
    await sql.end();
  }
  await logIn(page);
  await page.goto(`/appointments/${id}`);
  const group = page.getByRole("group", { name: "Erschienen?" });
  await group.getByRole("button", { name: "Nicht erschienen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Nicht erschienen" })).toBeVisible();
  await page.reload();
  await expect(
    page.getByText(/Status: Nicht erschienen.*Sandra Keller|Sandra Keller.*Nicht erschienen/).first(),
  ).toBeVisible();
  const check = database();
  try {
    const [row] = await check<{ status: string }[]>`select status::text from appointments where id = ${id}`;
    expect(row!.status).toBe("no_show");
  } finally {
    await check.end();
  }
});

test("erasing a customer leaves no personal data in customers, calls, transcripts and function logs", async ({
  page,
}) => {
  const name = `Erika Löschmich-${tag()}`;
  const phone = `+49151${Date.now().toString().slice(-8)}`;
  const email = `${tag()}@beispiel.de`;
  const sql = database();
  let customerId: number;
  try {
    const [company] = await sql<{ id: string }[]>`select id from companies where retell_agent_id = 'agent_demo'`;
    const [customer] = await sql<{ id: number }[]>`insert into customers (company_id, name, phone, email, notes)
      values (${company!.id}, ${name}, ${phone}, ${email}, 'Allergie gegen Ammoniak') returning id`;
    customerId = Number(customer!.id);
    const transcript = `Agent: Salon Demo, guten Tag. User: Hier ist ${name}, meine Nummer ist ${phone}.`;
    const [call] = await sql<{ id: number }[]>`insert into calls
      (company_id, retell_call_id, from_number, customer_id, transcript, transcript_object, summary, raw_payload, started_at, ended_at)
      values (${company!.id}, ${`call_erase_${tag()}`}, ${phone}, ${customerId}, ${transcript},
              ${sql.json([{ role: "user", content: `Hier ist ${name}` }])}, ${`${name} wollte einen Termin.`},
              ${sql.json({ call: { from_number: phone, transcript } })}, now() - interval '3 days', now() - interval '3 days' + interval '2 minutes')
      returning id`;
    await sql`insert into function_calls (company_id, call_id, name, args, result, latency_ms)
      values (${company!.id}, ${call!.id}, 'book_appointment', ${sql.json({ customer_name: name, customer_phone: phone })},
              ${sql.json({ message: `Danke, ${name}.` })}, 12)`;
  } finally {
    await sql.end();
  }

  await logIn(page);
  await page.goto(`/kunden?q=${encodeURIComponent(name.slice(0, 14))}`);
  await page.getByRole("link", { name }).first().click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const erase = page.getByRole("form", { name: "Kundendaten löschen" });
  await erase.getByRole("checkbox").check();
  await erase.getByRole("button", { name: "Endgültig löschen" }).click();
  await expect(page.getByText("gelöscht (DSGVO)")).toBeVisible();
  await expect(page.getByRole("heading", { name: "In Cal.com noch zu löschen" })).toBeVisible();
  await snapshot(page, "customer-erased");

  const check = database();
  try {
    const [row] = await check<{ name: string; phone: string | null; email: string | null; notes: string | null }[]>`
      select name, phone, email, notes from customers where id = ${customerId}`;
    expect(row).toMatchObject({ phone: null, email: null, notes: null });
    expect(row!.name).not.toContain("Löschmich");
    const leftovers = await check<{ n: number }[]>`select (
        (select count(*) from customers where name like '%Löschmich%' or phone = ${phone} or email = ${email})
      + (select count(*) from calls where transcript like '%Löschmich%' or summary like '%Löschmich%' or from_number = ${phone}
           or transcript_object::text like '%Löschmich%' or raw_payload::text like ${`%${phone}%`})
      + (select count(*) from function_calls where args::text like '%Löschmich%' or result::text like '%Löschmich%'
           or args::text like ${`%${phone}%`}))::int as n`;
    expect(leftovers[0]!.n).toBe(0);
  } finally {
    await check.end();
  }
});

test("the demo's double-booked Fabian Spitzer: each overlap is given to another stylist, then the merge completes", async ({
  page,
}) => {
  await logIn(page);
  await page.goto("/staff");
  const card = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "Mögliches Duplikat: Fabian Spitzer" }) });
  await expect(card).toBeVisible();
  await expect(card.getByText("Fabian Spitzer (2)", { exact: true })).toBeVisible();
  await card.getByRole("button", { name: "Vorschau anzeigen" }).click();
  const overlaps = card.getByRole("list", { name: "Überschneidung" });
  await expect(overlaps.first()).toBeVisible();
  const before = await overlaps.count();
  expect(before).toBeGreaterThan(0);
  await snapshot(page, "staff-merge-conflicts");
  for (let left = before; left > 0; left--) {
    await overlaps.first().getByRole("button", { name: "Übergeben" }).first().click();
    await expect(overlaps).toHaveCount(left - 1);
  }
  await card.getByRole("button", { name: "Jetzt zusammenführen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Zusammengeführt:" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Mögliches Duplikat: Fabian Spitzer" })).toHaveCount(0);
});

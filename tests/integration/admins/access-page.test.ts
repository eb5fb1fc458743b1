import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import AccountPage from "@/app/(admin)/konto/page";
import AccessPage from "@/app/(admin)/zugaenge/page";
import { makeCompany } from "../../support/factories";
import { logIn, logOut, makeAdmin } from "./real-session";

vi.mock("next/headers", async () => (await import("./real-session")).fakeHeaders);
vi.mock("next/cache", async () => (await import("./real-session")).fakeCache);
// Client components ask for the router; outside a Next.js app there is none to mount.
vi.mock("next/navigation", async (original) => ({
  ...(await original<Record<string, unknown>>()),
  useRouter: () => ({ refresh: () => {} }),
}));

/** The page as the browser receives it: text a person reads, without markup. */
const render = async (page: () => Promise<React.ReactElement>) =>
  renderToStaticMarkup(await page())
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
const html = async (page: () => Promise<React.ReactElement>) => renderToStaticMarkup(await page());

beforeEach(() => logOut());

describe("the Zugänge and Mein Konto pages", () => {
  it("the owner sees every login of the salon, the add form and a remove button for the others only", async () => {
    const company = await makeCompany();
    const other = await makeCompany();
    const owner = await makeAdmin(company.id, "owner");
    const admin = await makeAdmin(company.id);
    const stranger = await makeAdmin(other.id);
    await logIn(owner.email, owner.password);

    const text = await render(AccessPage);
    expect(text).toContain(owner.email);
    expect(text).toContain(admin.email);
    expect(text).not.toContain(stranger.email);
    expect(text).toContain("Zugang anlegen");
    const markup = await html(AccessPage);
    expect(markup.match(/aria-label="Zugang von [^"]+ entfernen"/g)).toEqual([
      `aria-label="Zugang von ${admin.name} entfernen"`,
    ]);
  });

  it("an admin who is not the owner sees the list read-only", async () => {
    const company = await makeCompany();
    const owner = await makeAdmin(company.id, "owner");
    const admin = await makeAdmin(company.id);
    await logIn(admin.email, admin.password);

    const text = await render(AccessPage);
    expect(text).toContain(owner.email);
    expect(text).toContain("kann nur die Inhaberin oder der Inhaber des Salons");
    expect(text).not.toContain("Zugang anlegen");
    expect(text).not.toContain("Entfernen");
  });

  it("Mein Konto shows who is signed in and the password form", async () => {
    const company = await makeCompany();
    const admin = await makeAdmin(company.id);
    await logIn(admin.email, admin.password);
    const text = await render(AccountPage);
    expect(text).toContain(admin.email);
    expect(text).toContain("Bisheriges Passwort");
    expect(text).toContain("Neues Passwort wiederholen");
    expect(text).not.toContain("Einmal-Passwort");
  });
});

import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { addAdminAction, removeAdminAction } from "@/app/(admin)/zugaenge/actions";
import { getAuth } from "@/lib/auth/auth";
import { getAdminCtx, requireAdminPage } from "@/lib/auth/web";
import { getDb } from "@/lib/db/client";
import { sessions, users } from "@/lib/db/schema";
import { makeCompany } from "../../support/factories";
import { logIn, logOut, makeAdmin, request, signInEmail } from "./real-session";

vi.mock("next/headers", async () => (await import("./real-session")).fakeHeaders);
vi.mock("next/cache", async () => (await import("./real-session")).fakeCache);

const NOT_OWNER = "Zugänge hinzufügen und entfernen darf nur die Inhaberin oder der Inhaber des Salons.";
const usersOf = (companyId: string) => getDb().select().from(users).where(eq(users.companyId, companyId));
const newAdminForm = (name: string, email: string) => {
  const data = new FormData();
  data.set("name", name);
  data.set("email", email);
  return data;
};
const redirectOf = (error: unknown) => String((error as { digest?: string }).digest ?? "");

async function salonWithOwner() {
  const company = await makeCompany();
  const owner = await makeAdmin(company.id, "owner");
  return { company, owner };
}

beforeEach(() => logOut());

describe("Zugänge: the owner adds and removes the salon's admins", () => {
  it("the session knows the role: owner and admin", async () => {
    const { company, owner } = await salonWithOwner();
    const admin = await makeAdmin(company.id);
    await logIn(owner.email, owner.password);
    expect((await getAdminCtx())?.actor).toMatchObject({ role: "owner", mustChangePassword: false });
    await logIn(admin.email, admin.password);
    expect((await getAdminCtx())?.actor).toMatchObject({ role: "admin", userId: admin.userId });
  });

  it("owner adds an admin: the one-time password logs in once shown, and /konto comes first", async () => {
    const { company, owner } = await salonWithOwner();
    await logIn(owner.email, owner.password);

    const state = await addAdminAction(null, newAdminForm("  Lena Berg ", "Lena.Berg@Salon.test"));
    expect(state).toMatchObject({ ok: true, created: { name: "Lena Berg", email: "lena.berg@salon.test" } });
    const oneTimePassword = state!.ok ? state!.created.oneTimePassword : "";
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(10);

    const added = (await usersOf(company.id)).find((u) => u.email === "lena.berg@salon.test");
    expect(added).toMatchObject({ role: "admin", mustChangePassword: true, companyId: company.id });

    await logIn("lena.berg@salon.test", oneTimePassword);
    expect((await getAdminCtx())?.actor).toMatchObject({ name: "Lena Berg", mustChangePassword: true });
    const sentTo = await requireAdminPage().then(() => "nowhere", redirectOf);
    expect(sentTo).toContain("/konto");
    await expect(requireAdminPage({ allowOneTimePassword: true })).resolves.toMatchObject({
      company: { id: company.id },
    });
  });

  it("an e-mail that already has a login is refused in German and nothing is added", async () => {
    const { company, owner } = await salonWithOwner();
    const other = await salonWithOwner();
    await logIn(owner.email, owner.password);
    const before = await usersOf(company.id);
    const state = await addAdminAction(null, newAdminForm("Doppelt", other.owner.email.toUpperCase()));
    expect(state).toMatchObject({
      ok: false,
      message: `Für die E-Mail-Adresse ${other.owner.email} gibt es schon einen Zugang.`,
    });
    expect(await usersOf(company.id)).toEqual(before);
    const invalid = await addAdminAction(null, newAdminForm("", "lena@salon.test"));
    expect(invalid).toMatchObject({ ok: false, message: "Bitte geben Sie einen Namen an." });
  });

  it("a non-owner is refused adding and removing, and nothing changes", async () => {
    const { company } = await salonWithOwner();
    const admin = await makeAdmin(company.id);
    const colleague = await makeAdmin(company.id);
    await logIn(admin.email, admin.password);
    const before = await usersOf(company.id);

    expect(await addAdminAction(null, newAdminForm("Lena Berg", "lena-x@salon.test"))).toMatchObject({
      ok: false,
      message: NOT_OWNER,
    });
    expect(await removeAdminAction(colleague.userId)).toMatchObject({ ok: false, message: NOT_OWNER });
    expect(await usersOf(company.id)).toEqual(before);
  });

  it("owner removes an admin: the user and their sessions are gone, the login no longer works", async () => {
    const { company, owner } = await salonWithOwner();
    const admin = await makeAdmin(company.id);
    const adminCookie = await logIn(admin.email, admin.password);
    await logIn(owner.email, owner.password);

    expect(await removeAdminAction(admin.userId)).toMatchObject({ ok: true });
    expect((await usersOf(company.id)).map((u) => u.id)).toEqual([owner.userId]);
    expect(await getDb().select().from(sessions).where(eq(sessions.userId, admin.userId))).toEqual([]);
    const oldSession = await getAuth().api.getSession({ headers: new Headers({ cookie: adminCookie }) });
    expect(oldSession).toBeNull();
    expect((await signInEmail(admin.email, admin.password)).status).toBe(401);
  });

  it("another salon's user is not found and stays; the owner cannot remove themselves", async () => {
    const { company, owner } = await salonWithOwner();
    const other = await salonWithOwner();
    const otherAdmin = await makeAdmin(other.company.id);
    await logIn(owner.email, owner.password);
    const otherBefore = await usersOf(other.company.id);

    for (const id of [otherAdmin.userId, other.owner.userId, "no-such-user"]) {
      expect(await removeAdminAction(id)).toMatchObject({
        ok: false,
        message: expect.stringMatching(/nicht gefunden/i),
      });
    }
    expect(await usersOf(other.company.id)).toEqual(otherBefore);

    expect(await removeAdminAction(owner.userId)).toMatchObject({
      ok: false,
      message: "Ihren eigenen Zugang können Sie hier nicht entfernen.",
    });
    expect((await usersOf(company.id)).map((u) => u.id)).toEqual([owner.userId]);
  });

  it("without a session nothing is added or removed", async () => {
    const { company } = await salonWithOwner();
    const admin = await makeAdmin(company.id);
    expect(request.cookie).toBeNull();
    expect(await addAdminAction(null, newAdminForm("Lena Berg", "lena-y@salon.test"))).toMatchObject({
      ok: false,
      sessionExpired: true,
    });
    expect(await removeAdminAction(admin.userId)).toMatchObject({ ok: false, sessionExpired: true });
    expect(await usersOf(company.id)).toHaveLength(2);
  });
});

import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { changePasswordAction } from "@/app/(admin)/konto/actions";
import { addAdminAction } from "@/app/(admin)/zugaenge/actions";
import { getAuth } from "@/lib/auth/auth";
import { requireAdminPage } from "@/lib/auth/web";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { makeCompany } from "../../support/factories";
import { logIn, logOut, makeAdmin, signInEmail } from "./real-session";

vi.mock("next/headers", async () => (await import("./real-session")).fakeHeaders);
vi.mock("next/cache", async () => (await import("./real-session")).fakeCache);

const passwordForm = (currentPassword: string, newPassword: string, newPasswordRepeat = newPassword) => {
  const data = new FormData();
  data.set("currentPassword", currentPassword);
  data.set("newPassword", newPassword);
  data.set("newPasswordRepeat", newPasswordRepeat);
  return data;
};

beforeEach(() => logOut());

describe("Mein Konto: every admin changes their own password through better-auth", () => {
  it("after the change the old password fails, the new one works, other sessions end, this one stays", async () => {
    const company = await makeCompany();
    const admin = await makeAdmin(company.id);
    const otherDevice = await logIn(admin.email, admin.password);
    const thisDevice = await logIn(admin.email, admin.password);

    const state = await changePasswordAction(null, passwordForm(admin.password, "Neues-Passwort-2027"));
    expect(state).toMatchObject({ ok: true, message: expect.stringContaining("Passwort wurde geändert") });

    expect((await signInEmail(admin.email, admin.password)).status).toBe(401);
    expect((await signInEmail(admin.email, "Neues-Passwort-2027")).status).toBe(200);
    expect(await getAuth().api.getSession({ headers: new Headers({ cookie: otherDevice }) })).toBeNull();
    // The session that changed the password goes on: the page after the action still sends its cookie.
    expect(await getAuth().api.getSession({ headers: new Headers({ cookie: thisDevice }) })).not.toBeNull();
  });

  it("refuses in German: wrong current password, repeat differs, too short, unchanged — password stays", async () => {
    const company = await makeCompany();
    const admin = await makeAdmin(company.id);
    await logIn(admin.email, admin.password);

    const cases: [FormData, string][] = [
      [passwordForm("falsch-falsch-1", "Neues-Passwort-2027"), "Das bisherige Passwort stimmt nicht."],
      [passwordForm(admin.password, "Neues-Passwort-2027", "Neues-Passwort-2028"), "stimmen nicht überein"],
      [passwordForm(admin.password, "kurz"), "mindestens 10 Zeichen"],
      [passwordForm(admin.password, admin.password), "muss sich vom bisherigen unterscheiden"],
      [passwordForm("", "Neues-Passwort-2027"), "Bitte geben Sie Ihr bisheriges Passwort ein."],
    ];
    for (const [form, message] of cases) {
      expect(await changePasswordAction(null, form)).toMatchObject({
        ok: false,
        message: expect.stringContaining(message),
      });
    }
    expect((await signInEmail(admin.email, admin.password)).status).toBe(200);
  });

  it("an invited admin replaces the one-time password and is then no longer sent to /konto", async () => {
    const company = await makeCompany();
    const owner = await makeAdmin(company.id, "owner");
    await logIn(owner.email, owner.password);
    const added = await addAdminAction(
      null,
      (() => {
        const data = new FormData();
        data.set("name", "Lena Berg");
        data.set("email", "lena.konto@salon.test");
        return data;
      })(),
    );
    const oneTimePassword = added?.ok ? added.created.oneTimePassword : "";

    await logIn("lena.konto@salon.test", oneTimePassword);
    expect(await changePasswordAction(null, passwordForm(oneTimePassword, "Lenas-eigenes-2027"))).toMatchObject({
      ok: true,
    });
    const [row] = await getDb().select().from(users).where(eq(users.email, "lena.konto@salon.test"));
    expect(row!.mustChangePassword).toBe(false);

    await logIn("lena.konto@salon.test", "Lenas-eigenes-2027");
    await expect(requireAdminPage()).resolves.toMatchObject({ actor: { mustChangePassword: false } });
    expect((await signInEmail("lena.konto@salon.test", oneTimePassword)).status).toBe(401);
  });

  it("without a session: the expiry message and nothing changes", async () => {
    const company = await makeCompany();
    const admin = await makeAdmin(company.id);
    expect(await changePasswordAction(null, passwordForm(admin.password, "Neues-Passwort-2027"))).toMatchObject({
      ok: false,
      sessionExpired: true,
    });
    expect((await signInEmail(admin.email, admin.password)).status).toBe(200);
  });
});

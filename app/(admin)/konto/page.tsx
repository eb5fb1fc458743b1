import { ChangePasswordForm } from "@/components/accounts/change-password-form";
import { Card, CardHeader } from "@/components/ui/card";
import { FactList } from "@/components/ui/fact-list";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth";
import { requireAdminPage } from "@/lib/auth/web";

export const metadata = { title: "Mein Konto" };

export default async function AccountPage() {
  // The one page an admin with a one-time password may open: here they choose their own.
  const ctx = await requireAdminPage({ allowOneTimePassword: true });
  const { actor } = ctx;
  return (
    <>
      <PageHeader title="Mein Konto" description="Ihre Anmeldung bei SlotDesk" />
      {actor.mustChangePassword ? (
        <div className="mb-6" role="status">
          <Notice tone="warn">
            Sie haben sich mit einem Einmal-Passwort angemeldet. Bitte wählen Sie jetzt Ihr eigenes Passwort – erst
            danach öffnen sich die übrigen Seiten.
          </Notice>
        </div>
      ) : null}
      <Card className="mb-6">
        <CardHeader title="Angemeldet als" />
        <FactList
          facts={[
            ["Name", actor.name],
            ["E-Mail-Adresse", actor.email],
            ["Rolle", actor.role === "owner" ? "Inhaber:in" : "Admin"],
            ["Salon", ctx.company.name],
          ]}
        />
      </Card>
      <Card>
        <CardHeader
          title="Passwort ändern"
          description="Nach der Änderung werden Ihre Anmeldungen auf anderen Geräten beendet."
        />
        <ChangePasswordForm minLength={PASSWORD_MIN_LENGTH} />
      </Card>
    </>
  );
}

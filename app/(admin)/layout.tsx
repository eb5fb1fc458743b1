import { AppShell } from "@/components/shell/app-shell";
import { requireAdminPage } from "@/lib/auth/web";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // Each page itself sends an admin with a one-time password to /konto; the shell stays around it.
  const ctx = await requireAdminPage({ allowOneTimePassword: true });
  return (
    <AppShell companyName={ctx.company.name} userName={ctx.actor.name}>
      {children}
    </AppShell>
  );
}

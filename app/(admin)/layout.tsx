import { AppShell } from "@/components/shell/app-shell";
import { requireAdminPage } from "@/lib/auth/web";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireAdminPage();
  return (
    <AppShell companyName={ctx.company.name} userName={ctx.actor.name}>
      {children}
    </AppShell>
  );
}

import { AddAdminForm } from "@/components/accounts/add-admin-form";
import { RemoveAdminButton } from "@/components/accounts/remove-admin-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listAdmins } from "@/lib/auth";
import { requireAdminPage } from "@/lib/auth/web";
import { formatDateTimeDe } from "@/lib/time";

export const metadata = { title: "Zugänge" };

export default async function AccessPage() {
  const ctx = await requireAdminPage();
  const admins = await listAdmins({ ctx });
  const isOwner = ctx.actor.role === "owner";
  return (
    <>
      <PageHeader title="Zugänge" description="Wer sich für diesen Salon in SlotDesk anmelden kann" />
      {isOwner ? (
        <Card className="mb-6">
          <CardHeader
            title="Zugang hinzufügen"
            description="Die neue Person erhält ein Einmal-Passwort und wählt bei der ersten Anmeldung ein eigenes."
          />
          <AddAdminForm />
        </Card>
      ) : (
        <div className="mb-6">
          <Notice>Zugänge hinzufügen oder entfernen kann nur die Inhaberin oder der Inhaber des Salons.</Notice>
        </div>
      )}
      <Card>
        <Table>
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>E-Mail-Adresse</Th>
              <Th>Rolle</Th>
              <Th>Angelegt</Th>
              {isOwner ? (
                <Th>
                  <span className="sr-only">Aktionen</span>
                </Th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {admins.map((admin) => {
              const self = admin.id === ctx.actor.userId;
              return (
                <tr key={admin.id}>
                  <Td>
                    <div className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                      {admin.name}
                      {self ? <Badge tone="blue">Sie</Badge> : null}
                      {admin.mustChangePassword ? <Badge tone="amber">Einmal-Passwort noch nicht ersetzt</Badge> : null}
                    </div>
                  </Td>
                  <Td>{admin.email}</Td>
                  <Td>{admin.role === "owner" ? <Badge tone="brand">Inhaber:in</Badge> : "Admin"}</Td>
                  <Td className="whitespace-nowrap text-xs">
                    {formatDateTimeDe(admin.createdAt, ctx.company.timeZone)}
                  </Td>
                  {isOwner ? (
                    <Td className="text-right">
                      {self || admin.role === "owner" ? null : (
                        <RemoveAdminButton userId={admin.id} name={admin.name} />
                      )}
                    </Td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </Table>
      </Card>
    </>
  );
}

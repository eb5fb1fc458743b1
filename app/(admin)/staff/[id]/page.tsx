import Link from "next/link";
import { AbsenceForm } from "@/components/staff/absence-form";
import { AbsenceList } from "@/components/staff/absence-list";
import { ActionForm } from "@/components/staff/action-form";
import { HoursEditor } from "@/components/staff/hours-editor";
import { ProfileFields, ServiceChoices } from "@/components/staff/profile-fields";
import { ActiveToggle } from "@/components/staff/staff-buttons";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Table, Td, Th } from "@/components/ui/table";
import { requireAdminPage } from "@/lib/auth/web";
import { listServices } from "@/lib/catalog";
import { getStaff } from "@/lib/staff";
import { formatDateTimeDe, localDate, notBefore } from "@/lib/time";
import { setHoursAction, setServicesAction, updateProfileAction } from "./actions";

export const metadata = { title: "Mitarbeiter bearbeiten" };

export default async function StaffMemberPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireAdminPage();
  const { id } = await params;
  const [member, services] = await Promise.all([getStaff({ ctx, input: { id } }), listServices({ ctx })]);
  const tz = ctx.company.timeZone;
  const flagged = member.upcoming.filter((a) => a.followUpReason).length;
  return (
    <>
      <Link href="/staff" className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        ← Alle Mitarbeiter
      </Link>
      <header className="mb-6">
        <h1 className="flex items-center gap-3 text-2xl font-semibold tracking-tight text-slate-900">
          {member.color ? (
            <span aria-hidden className="inline-block h-4 w-4 rounded-full" style={{ background: member.color }} />
          ) : null}
          {member.name}
        </h1>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          {member.mergedInto ? (
            <Badge>zusammengeführt</Badge>
          ) : member.active ? (
            <Badge tone="green">Aktiv</Badge>
          ) : (
            <Badge tone="amber">Inaktiv – wird nicht angeboten</Badge>
          )}
          {flagged ? <Badge tone="amber">{flagged} Termine: Kundin anrufen</Badge> : null}
        </div>
      </header>
      {member.mergedInto ? (
        <div className="mb-6">
          <Notice tone="warn">Dieser Eintrag wurde zusammengeführt und kann nicht mehr bearbeitet werden.</Notice>
        </div>
      ) : null}
      <Card className="mb-6">
        <CardHeader title="Stammdaten" description="Name, Kontakt, Kalenderfarbe und Cal.com-Nutzer" />
        <ActionForm action={updateProfileAction.bind(null, member.id)} label="Stammdaten" submitLabel="Speichern">
          <ProfileFields
            initial={{
              name: member.name,
              email: member.email ?? "",
              phone: member.phone ?? "",
              color: member.color ?? "",
              calcomUserId: member.calcomUserId === null ? "" : String(member.calcomUserId),
              calcomUsername: member.calcomUsername ?? "",
            }}
          />
        </ActionForm>
      </Card>
      <Card className="mb-6">
        <CardHeader title="Leistungen" description="Welche Leistungen sie anbietet" />
        <ActionForm
          action={setServicesAction.bind(null, member.id)}
          label="Leistungen"
          submitLabel="Leistungen speichern"
        >
          <ServiceChoices services={services} selected={member.serviceIds} />
        </ActionForm>
      </Card>
      <Card className="mb-6">
        <CardHeader title="Arbeitszeiten" description="Mehrere Zeiträume pro Tag – dazwischen wird nichts gebucht" />
        <ActionForm
          action={setHoursAction.bind(null, member.id)}
          label="Arbeitszeiten"
          submitLabel="Arbeitszeiten speichern"
        >
          <HoursEditor initial={member.hours} />
        </ActionForm>
      </Card>
      <Card className="mb-6">
        <CardHeader
          title="Abwesenheiten"
          description="Urlaub, Krank, Fortbildung, Sonstiges – einmalig oder jede Woche. Betroffene Termine werden nicht abgesagt, sondern markiert."
        />
        <AbsenceList absences={member.absences} timeZone={tz} />
        <AbsenceForm staffId={member.id} today={localDate(notBefore(undefined), tz)} />
      </Card>
      <Card className="mb-6">
        <CardHeader title="Kommende Termine" description="Bleiben bei Abwesenheit und Deaktivierung bestehen" />
        {member.upcoming.length === 0 ? (
          <p className="p-5 text-sm text-slate-500">Keine kommenden Termine.</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Beginn</Th>
                <Th>Kundin</Th>
                <Th>Leistung</Th>
                <Th>Hinweis</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {member.upcoming.map((a) => (
                <tr key={a.id}>
                  <Td>
                    <Link href={`/appointments/${a.id}`} className="text-brand-700 hover:underline">
                      {formatDateTimeDe(a.startsAt, tz)}
                    </Link>
                  </Td>
                  <Td>{a.customerName}</Td>
                  <Td>{a.serviceName}</Td>
                  <Td>{a.followUpReason ? <Badge tone="amber">{a.followUpReason}</Badge> : "–"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      {member.mergedInto ? null : (
        <Card className="p-5">
          <p className="mb-3 text-sm text-slate-600">
            {member.active
              ? "Deaktivieren: Der Telefonassistent bietet sie nicht mehr an. Bestehende Termine bleiben und stehen oben."
              : "Sie ist deaktiviert. Wieder aktivieren macht sie sofort wieder buchbar."}
          </p>
          <ActiveToggle staffId={member.id} active={member.active} />
        </Card>
      )}
    </>
  );
}

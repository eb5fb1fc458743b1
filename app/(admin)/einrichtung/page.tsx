import { reword } from "@/components/ui/calcom-messages-de";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/auth/web";
import { getSetupChecklist, openSteps } from "@/lib/setup";

export const metadata = { title: "Einrichtung" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  const ctx = await requireAdminPage();
  const steps = await getSetupChecklist({ ctx });
  const open = openSteps(steps);
  return (
    <>
      <PageHeader
        title="Einrichtung"
        description="Was der Salon braucht, bevor der Telefon-Assistent Termine annimmt – jeweils mit dem aktuellen Stand"
      />
      <div className="mb-6" role="status">
        {open === 0 ? (
          <Notice tone="success">Alles eingerichtet: Der Salon kann Anrufe annehmen.</Notice>
        ) : (
          <Notice tone="warn">
            {open === 1 ? "Ein Schritt ist noch offen." : `${open} Schritte sind noch offen.`}
          </Notice>
        )}
      </div>
      <Card>
        <ol aria-label="Schritte der Einrichtung" className="divide-y divide-slate-100">
          {steps.map(({ title: rawTitle, detail, ...step }, index) => {
            const title = reword(rawTitle);
            return (
              <li key={step.key} aria-label={title} className="flex flex-wrap items-start gap-4 px-5 py-4">
                <span
                  aria-hidden="true"
                  className={`mt-0.5 flex h-7 w-7 shrink-0 items-center justify-center rounded-full text-sm font-semibold ${
                    step.done ? "bg-emerald-100 text-emerald-700" : "bg-slate-100 text-slate-600"
                  }`}
                >
                  {step.done ? "✓" : index + 1}
                </span>
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-slate-900">
                    {title}{" "}
                    {step.done ? (
                      <Badge tone="green">erledigt</Badge>
                    ) : step.optional ? (
                      <Badge tone="gray">optional</Badge>
                    ) : (
                      <Badge tone="amber">offen</Badge>
                    )}
                  </p>
                  <p className="mt-1 text-sm text-slate-600">{reword(detail)}</p>
                </div>
                <Link
                  href={step.href}
                  className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
                  aria-label={`${title}: ${step.done ? "ansehen" : "jetzt erledigen"}`}
                >
                  {step.done ? "Ansehen" : "Jetzt erledigen"}
                </Link>
              </li>
            );
          })}
        </ol>
      </Card>
    </>
  );
}

import { CalcomMessage } from "@/components/ui/calcom-message";
import { Badge } from "@/components/ui/badge";
import { Notice } from "@/components/ui/notice";
import { type EventTypeHealth, needsAttention, checkEventTypes } from "@/lib/calcom/provisioning";
import type { Ctx } from "@/lib/context";
import { HealthBadge, HealthTable } from "./health-table";

const ORDER: EventTypeHealth[] = ["ok", "missing", "managed_parent", "wrong_length", "wrong_settings", "not_found"];
const QUIET = ["ok", "unchecked"];

/** Company-wide Cal.com health: counts per status and every mapping that would make a booking or a webhook fail. */
export async function CompanyHealth({ ctx }: { ctx: Ctx }) {
  const check = await checkEventTypes({ ctx });
  if (!check.reachable) {
    return (
      <div className="px-5 py-4">
        <Notice tone="warn">
          <CalcomMessage message={check.message} />
        </Notice>
      </div>
    );
  }
  const problems = check.rows.filter(needsAttention);
  const hookProblems = check.rows.filter((r) => !QUIET.includes(r.webhook.status)).length;
  return (
    <>
      <div className="flex flex-wrap items-center gap-3 px-5 py-4 text-sm text-slate-600">
        <span>{check.rows.length} Zuordnungen (Segment × Mitarbeiter):</span>
        {ORDER.map((status) => {
          const n = check.rows.filter((r) => r.status === status).length;
          return n ? (
            <span key={status} className="inline-flex items-center gap-1.5">
              <HealthBadge status={status} /> <Badge>{n}</Badge>
            </span>
          ) : null;
        })}
        {hookProblems ? (
          <span className="inline-flex items-center gap-1.5">
            <Badge tone="red">Webhook-Probleme</Badge> <Badge>{hookProblems}</Badge>
          </span>
        ) : null}
      </div>
      {problems.length ? (
        <HealthTable rows={problems} label="Probleme mit Event-Typen" withService />
      ) : (
        <div className="px-5 pb-4">
          <Notice tone="success">
            Alle Segmente haben einen buchbaren Event-Typ mit passender Dauer, den Salon-Einstellungen und einem
            Webhook.
          </Notice>
        </div>
      )}
    </>
  );
}

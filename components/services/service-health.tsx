import { CalcomMessage } from "@/components/ui/calcom-message";
import { Notice } from "@/components/ui/notice";
import { needsAttention, checkEventTypes } from "@/lib/calcom/provisioning";
import type { Ctx } from "@/lib/context";
import { HealthTable } from "./health-table";

/** The Cal.com mapping of one service: every staff-required segment × every staff member who performs it. */
export async function ServiceHealth({ ctx, serviceId, active }: { ctx: Ctx; serviceId: number; active: boolean }) {
  if (!active) {
    return (
      <div className="px-5 py-4">
        <Notice>Inaktive Leistungen werden nicht gebucht, ihre Event-Typen werden deshalb nicht geprüft.</Notice>
      </div>
    );
  }
  const check = await checkEventTypes({ ctx, input: { serviceId } });
  if (!check.reachable) {
    return (
      <div className="px-5 py-4">
        <Notice tone="warn">
          <CalcomMessage message={check.message} />
        </Notice>
      </div>
    );
  }
  if (check.rows.length === 0) {
    return (
      <div className="px-5 py-4">
        <Notice>Noch kein Mitarbeiter zugeordnet – es gibt keine Event-Typen zu prüfen.</Notice>
      </div>
    );
  }
  const problems = check.rows.filter(needsAttention).length;
  return (
    <>
      {problems ? (
        <div className="px-5 pt-4">
          <Notice tone="warn">
            {problems} von {check.rows.length} Zuordnungen sind nicht buchbar oder ohne funktionierenden Webhook.
            „Provisionierung prüfen“ auf der Seite Leistungen zeigt, was angelegt oder korrigiert würde.
          </Notice>
        </div>
      ) : null}
      <HealthTable rows={check.rows} label="Cal.com-Zuordnung je Segment und Mitarbeiter" />
    </>
  );
}

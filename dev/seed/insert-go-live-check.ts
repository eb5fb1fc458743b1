import { addMinutes } from "../../lib/time";
import { calcomChecks } from "../../lib/db";
import type { SeedScope } from "./scope";

/**
 * The demo salon's history includes a passed go-live check against its Cal.com (the simulator, whose
 * state the seed writes with every event type, mapping and webhook in place): the set-up checklist
 * of a demo salon shows it done, as it would after "Go-Live-Prüfung starten". The steps are those
 * lib/calcom/sync/go-live-check.ts runs; a real run on the settings page replaces it as the latest.
 */
export async function insertGoLiveCheck({ tx, companyId }: SeedScope, now: Date): Promise<void> {
  const steps = [
    ["Verbindung und API-Schlüssel", "Cal.com hat den API-Schlüssel angenommen."],
    ["Team", "Das Team des Salons ist erreichbar."],
    ["Ereignistypen und Zuordnungen", "Alle Zuordnungen in Ordnung."],
    ["Webhooks", "Jeder Ereignistyp meldet Buchungsänderungen an SlotDesk."],
    ["Testbuchung nur mit Telefonnummer", "Testbuchung angelegt."],
    ["Buchung in der Liste finden", "Die Testbuchung steht in der Buchungsliste."],
    ["Verschieben um weniger als die Dauer", "Die Testbuchung wurde verschoben."],
    ["Stornieren", "Die Testbuchung wurde storniert."],
    ["Aufräumen", "Keine Testbuchung bleibt in Cal.com zurück."],
  ].map(([step, detail]) => ({ step: step!, ok: true, detail: detail! }));
  await tx.insert(calcomChecks).values({
    companyId,
    ok: true,
    steps,
    startedAt: addMinutes(now, -3 * 24 * 60),
    durationMs: 6400,
  });
}

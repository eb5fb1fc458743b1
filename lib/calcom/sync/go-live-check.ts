import { desc, eq } from "drizzle-orm";
import { calcomAttendee, CalcomClient, calcomConnectionFor, type CalcomBooking } from "..";
import { auditEventTypes, type HealthRow, attachWebhookStates } from "../provisioning";
import type { Ctx } from "../../context";
import { calcomChecks } from "../../db";
import { formatDateTimeDe, formatTimeDe } from "../../time";
import { explainCalcomError } from "./explain";
import { bookingsOverlapping } from "./lookup";
import { atPhaseTimes, isActive } from "./match";
import { cancelOurs } from "./phase-bookings";

export type CheckStep = { step: string; ok: boolean; detail: string };
export type CheckResult = { ok: boolean; steps: CheckStep[] };

const DAY_MS = 24 * 60 * 60_000;
/** A test booking lies here, far from any real appointment, and is gone again when the check ends. */
const SEARCH_FROM_DAYS = 120;
const SEARCH_DAYS = 30;
const TEST_MARK = "slotdesk_go_live_check";
const CONNECTION_STEP = "Verbindung und API-Schlüssel";

type Probe = { eventTypeId: number; lengthMin: number; label: string };
type Step = (say: (detail: string) => void) => Promise<void>;

/**
 * The go-live check against the company's configured Cal.com: authenticate, read the team, audit
 * the mappings and their webhooks, then one phone-only test booking far ahead on a mapped event type — found in the
 * list, moved by less than its length the way the sync moves (cancel, then book anew), cancelled.
 * Every step is said in German; nothing is left behind, also when a step fails.
 */
export async function runCalcomCheck({ ctx, input = {} }: { ctx: Ctx; input?: { now?: Date } }): Promise<CheckResult> {
  const startedAt = new Date();
  const now = input.now ?? startedAt;
  const target = calcomConnectionFor(ctx.company);
  if (!target.connected) return record(ctx, startedAt, [{ step: CONNECTION_STEP, ok: false, detail: target.message }]);
  const client = new CalcomClient({
    baseUrl: target.baseUrl,
    apiKey: target.apiKey,
    publicOnly: target.publicOnly,
    maxRateLimitWaitMs: 65_000,
  });
  const steps: CheckStep[] = [];
  let failed = false;
  /** A failed step skips the ones after it, unless it only reports (the audits: the booking can still run). */
  const run = async (name: string, step: Step, reportOnly = false) => {
    if (failed)
      return void steps.push({ step: name, ok: false, detail: "Übersprungen, weil ein Schritt davor fehlschlug." });
    let detail = "";
    try {
      await step((d) => (detail = d));
      steps.push({ step: name, ok: true, detail });
    } catch (error) {
      failed ||= !reportOnly;
      steps.push({ step: name, ok: false, detail: explainCalcomError(error) });
    }
  };
  const made: CalcomBooking[] = [];
  let probe: Probe | null = null;
  let rows: HealthRow[] = [];
  let booking: CalcomBooking | null = null;

  await run(CONNECTION_STEP, async (say) => {
    const me = await client.getMe();
    say(`Angemeldet bei ${target.simulated ? "dem Cal.com-Simulator" : target.baseUrl} als ${me.name ?? me.email}.`);
  });
  await run("Team", async (say) => {
    const teamId = ctx.company.calcomTeamId;
    if (!teamId) throw new Error("In den Einstellungen ist keine Cal.com-Team-ID eingetragen.");
    const team = await client.getTeam(teamId);
    say(`Team „${team.name}“ (ID ${team.id}) gefunden.`);
  });
  await run(
    "Event-Typen und Zuordnungen",
    async (say) => {
      rows = await auditEventTypes({ ctx });
      const healthy = rows.find((r) => r.status === "ok");
      if (healthy)
        probe = {
          eventTypeId: healthy.eventTypeId!,
          lengthMin: healthy.durationMinutes,
          label: `${healthy.serviceName}, ${healthy.segmentName} bei ${healthy.staffName}`,
        };
      const bad = rows.filter((r) => r.status !== "ok");
      if (rows.length === 0) throw new Error("Es gibt noch keine Zuordnung von Segmenten zu Cal.com-Event-Typen.");
      if (bad.length)
        throw new Error(
          `${bad.length} von ${rows.length} Zuordnungen mit Problemen, z. B. ${bad[0]!.serviceName} (${bad[0]!.staffName}): ${bad[0]!.detail}. Unter Leistungen provisionieren.`,
        );
      say(`Alle ${rows.length} Zuordnungen in Ordnung.`);
    },
    true,
  );
  await run(
    "Webhooks",
    async (say) => {
      const judged = (await attachWebhookStates(ctx, client, rows)).filter((r) => r.webhookEventTypeId !== null);
      const bad = judged.filter((r) => r.webhook.status !== "ok");
      if (bad.length)
        throw new Error(
          `${bad.length} von ${judged.length} Webhooks nicht in Ordnung, z. B. ${bad[0]!.serviceName} (${bad[0]!.staffName}): ${bad[0]!.webhook.detail}. Unter Leistungen „Webhooks einrichten“.`,
        );
      say(
        `Für alle ${new Set(judged.map((r) => r.webhookEventTypeId)).size} Event-Typen ist SlotDesks Webhook eingerichtet.`,
      );
    },
    true,
  );
  await run("Testbuchung nur mit Telefonnummer", async (say) => {
    if (!probe) throw new Error("Keine fehlerfreie Zuordnung, auf der eine Testbuchung möglich wäre.");
    const { eventTypeId, lengthMin, label } = probe;
    const start = await freeDoubleSlot(client, eventTypeId, lengthMin, now, ctx.company.timeZone);
    booking = await createTest(client, ctx, eventTypeId, start);
    made.push(booking);
    expectTimes(booking, start, lengthMin);
    say(`Gebucht: ${label}, ${span(booking, ctx.company.timeZone)} (Event-Typ ${eventTypeId}).`);
  });
  await run("Buchung in der Liste finden", async (say) => {
    const b = booking!;
    const listed = await bookingsOverlapping(
      client,
      { from: new Date(b.start), to: new Date(b.end), eventTypeIds: [probe!.eventTypeId] },
      "check",
    );
    if (!listed.some((x) => x.uid === b.uid && isActive(x)))
      throw new Error("Die Testbuchung fehlt in der Buchungsliste von Cal.com.");
    say(`Gefunden (${listed.length} Buchung${listed.length === 1 ? "" : "en"} zu dieser Zeit).`);
  });
  await run("Verschieben um weniger als die Dauer", async (say) => {
    const { eventTypeId, lengthMin } = probe!;
    const shift = Math.max(5, Math.floor(lengthMin / 2 / 5) * 5);
    const to = new Date(Date.parse(booking!.start) + shift * 60_000);
    await cancelOurs(client, booking!.uid, "Go-Live-Prüfung verschoben");
    booking = await createTest(client, ctx, eventTypeId, to);
    made.push(booking);
    expectTimes(booking, to, lengthMin);
    say(
      `Verschoben um ${shift} Minuten auf ${span(booking, ctx.company.timeZone)}, Länge ${lengthMin} Minuten erhalten.`,
    );
  });
  await run("Stornieren", async (say) => {
    const cancelled = await client.cancelBooking(booking!.uid, "SlotDesk: Go-Live-Prüfung beendet");
    if (isActive(cancelled)) throw new Error("Cal.com hat die Testbuchung nicht storniert.");
    say("Storniert.");
  });
  const left = await cleanUp(client, made);
  steps.push({
    step: "Aufräumen",
    ok: left === 0,
    detail:
      left === 0
        ? "Keine Testbuchung bleibt in Cal.com zurück."
        : `${left} Testbuchungen konnten nicht storniert werden.`,
  });

  return record(ctx, startedAt, steps);
}

async function record(ctx: Ctx, startedAt: Date, steps: CheckStep[]): Promise<CheckResult> {
  const ok = steps.every((s) => s.ok);
  const durationMs = Date.now() - startedAt.getTime();
  await ctx.db.insert(calcomChecks).values({ companyId: ctx.company.id, ok, steps, startedAt, durationMs });
  return { ok, steps };
}

const span = (b: CalcomBooking, tz: string) =>
  `${formatDateTimeDe(new Date(b.start), tz)}–${formatTimeDe(new Date(b.end), tz)}`;

function expectTimes(b: CalcomBooking, start: Date, lengthMin: number) {
  const phase = { startTime: start, endTime: new Date(start.getTime() + lengthMin * 60_000) };
  if (!atPhaseTimes(b, phase))
    throw new Error(`Cal.com hat ${b.start}–${b.end} gebucht statt ${lengthMin} Minuten ab ${start.toISOString()}.`);
}

function createTest(client: CalcomClient, ctx: Ctx, eventTypeId: number, start: Date) {
  const tester = { id: 0, name: "SlotDesk Go-Live-Prüfung", email: null, phone: "+493012345678" };
  return client.createBooking({
    start,
    eventTypeId,
    attendee: calcomAttendee(tester, ctx.company, ctx.company.timeZone),
    metadata: { [TEST_MARK]: "1" },
  });
}

/** A start whose next slot is free too, so the booking can move by less than its length. */
async function freeDoubleSlot(
  client: CalcomClient,
  eventTypeId: number,
  lengthMin: number,
  now: Date,
  tz: string,
): Promise<Date> {
  const from = new Date(now.getTime() + SEARCH_FROM_DAYS * DAY_MS);
  const days = await client.getSlots(eventTypeId, from, new Date(from.getTime() + SEARCH_DAYS * DAY_MS), tz);
  const starts = new Set(
    Object.values(days)
      .flat()
      .map((s) => Date.parse(s.start)),
  );
  const pick = [...starts].sort((a, b) => a - b).find((s) => starts.has(s + lengthMin * 60_000));
  if (pick === undefined)
    throw new Error(
      `Cal.com bietet in ${SEARCH_FROM_DAYS} bis ${SEARCH_FROM_DAYS + SEARCH_DAYS} Tagen keine freie Zeit für diesen Event-Typ an.`,
    );
  return new Date(pick);
}

/** Cancels every test booking still active; returns how many could not be cancelled. */
async function cleanUp(client: CalcomClient, made: CalcomBooking[]): Promise<number> {
  let left = 0;
  for (const b of made) {
    try {
      const now = await client.getBooking(b.uid);
      if (now && isActive(now)) await cancelOurs(client, b.uid, "Go-Live-Prüfung aufgeräumt");
    } catch {
      left++;
    }
  }
  return left;
}

export type StoredCheck = CheckResult & { startedAt: Date };

/** The company's most recent go-live check, or null when none ran yet. */
export async function latestCalcomCheck({ ctx }: { ctx: Ctx }): Promise<StoredCheck | null> {
  const [row] = await ctx.db
    .select({ ok: calcomChecks.ok, steps: calcomChecks.steps, startedAt: calcomChecks.startedAt })
    .from(calcomChecks)
    .where(eq(calcomChecks.companyId, ctx.company.id))
    .orderBy(desc(calcomChecks.startedAt))
    .limit(1);
  return row ?? null;
}

import { and, eq, ne } from "drizzle-orm";
import { sign } from "retell-sdk";
import type { Db } from "../../lib/db/client";
import { appointments } from "../../lib/db/schema";
import { addDays, isoWeekday, type LocalDate, zonedInstant } from "../../lib/time/zoned";
import { summarize, type Summary } from "../lib/stats";
import { envelope, newCaller, outcomeOf } from "../lib/voice-client";
import type { BenchSalons } from "../seed";

export type RaceRound = {
  service: string;
  slot: string;
  callers: number;
  won: number;
  slotTaken: number;
  other: Record<string, number>;
  settleMs: number;
  appointmentsInDb: number;
  latency: Summary;
};
export type RaceResult = { rounds: RaceRound[]; wonPerRound: number[]; settleMs: Summary };

/**
 * Item 2: 100 callers say "Ja" to the same stylist at the same minute at once (separate calls,
 * separate connections). Exactly one may win; time to settle is first request sent → last answer.
 */
export async function measureRace(options: {
  baseUrl: string;
  apiKey: string;
  db: Db;
  salon: Pick<BenchSalons["voice"], "agentId" | "companyId" | "staffIds" | "staffNames" | "days">;
  today: LocalDate;
  callers?: number;
  rounds?: number;
  /** First day raced for (default: 120 days before the end of the voice salon's appointments). */
  firstDate?: LocalDate;
}): Promise<RaceResult> {
  const { baseUrl, apiKey, db, salon } = options;
  const callers = options.callers ?? 100;
  const rounds: RaceRound[] = [];
  let date = options.firstDate ?? addDays(options.today, salon.days - 120);
  for (let round = 0; round < (options.rounds ?? 6); round++) {
    while (isoWeekday(date) === 7) date = addDays(date, 1);
    const service = round % 2 === 0 ? "Herrenhaarschnitt" : "Dauerwelle";
    const staffIndex = round % salon.staffNames.length;
    const staffName = salon.staffNames[staffIndex]!;
    const bodies = await Promise.all(
      Array.from({ length: callers }, async (_, i) => {
        const body = envelope(
          {
            name: "book_appointment",
            args: { service, date, time: "10:00", staff: staffName, customer_name: `Wettlauf ${round}-${i}` },
          },
          newCaller(),
          salon.agentId,
        );
        return { body, signature: await sign(body, apiKey) };
      }),
    );
    const started = performance.now();
    const answers = await Promise.all(
      bodies.map(async ({ body, signature }) => {
        const t0 = performance.now();
        const response = await fetch(`${baseUrl}/api/retell/function`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-retell-signature": signature },
          body,
        });
        const text = await response.text();
        const json = (() => {
          try {
            return JSON.parse(text) as Record<string, unknown>;
          } catch {
            return null;
          }
        })();
        return { outcome: outcomeOf(response.status, json), ms: performance.now() - t0, endedAt: performance.now() };
      }),
    );
    const settleMs = Math.max(...answers.map((a) => a.endedAt)) - started;
    const other: Record<string, number> = {};
    for (const a of answers)
      if (a.outcome !== "booked" && a.outcome !== "slot_taken") other[a.outcome] = (other[a.outcome] ?? 0) + 1;
    const start = zonedInstant(date, 10 * 60, "Europe/Berlin");
    const inDb = await db
      .select({ id: appointments.id })
      .from(appointments)
      .where(
        and(
          eq(appointments.companyId, salon.companyId),
          eq(appointments.staffId, salon.staffIds[staffIndex]!),
          eq(appointments.startsAt, start),
          ne(appointments.status, "cancelled"),
        ),
      );
    rounds.push({
      service,
      slot: `${date} 10:00 ${staffName}`,
      callers,
      won: answers.filter((a) => a.outcome === "booked").length,
      slotTaken: answers.filter((a) => a.outcome === "slot_taken").length,
      other,
      settleMs: Math.round(settleMs),
      appointmentsInDb: inDb.length,
      latency: summarize(answers.map((a) => a.ms)),
    });
    date = addDays(date, 1);
  }
  return { rounds, wonPerRound: rounds.map((r) => r.won), settleMs: summarize(rounds.map((r) => r.settleMs)) };
}

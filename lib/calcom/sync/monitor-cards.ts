import { appointmentListQuery, listAppointments } from "../../appointments";
import type { Ctx } from "../../context";
import { localDate } from "../../time";

export type MonitorCardKey = "synced" | "pending" | "partial" | "failed" | "review";

/**
 * Each number on the Sync-Monitor and the start page is the list it links to: the same filters go into
 * the link and into listAppointments, so the card and the list cannot disagree. `from: ""` = all dates.
 */
export const MONITOR_CARDS: Record<MonitorCardKey, { label: string; filter: Record<string, string> }> = {
  synced: { label: "Synchronisiert", filter: { status: "confirmed", sync: "synced", from: "" } },
  pending: { label: "Ausstehend", filter: { status: "confirmed", sync: "pending", from: "" } },
  partial: { label: "Teilweise", filter: { status: "confirmed", sync: "partial", from: "" } },
  failed: { label: "Fehlgeschlagen", filter: { status: "confirmed", sync: "failed", from: "" } },
  review: { label: "Manuelle Prüfung", filter: { review: "1", from: "" } },
};

export const cardHref = (key: MonitorCardKey) => `/appointments?${new URLSearchParams(MONITOR_CARDS[key].filter)}`;

/** How many rows the card's list shows, counted by the list itself. */
export async function countCard({ ctx, key, now = new Date() }: { ctx: Ctx; key: MonitorCardKey; now?: Date }) {
  const input = appointmentListQuery.parse({ ...MONITOR_CARDS[key].filter, size: 10 });
  const page = await listAppointments({ ctx, input, today: localDate(now, ctx.company.timeZone) });
  return page.total;
}

export async function countCards({ ctx, now }: { ctx: Ctx; now?: Date }): Promise<Record<MonitorCardKey, number>> {
  const keys = Object.keys(MONITOR_CARDS) as MonitorCardKey[];
  const counts = await Promise.all(keys.map((key) => countCard({ ctx, key, now })));
  return Object.fromEntries(keys.map((k, i) => [k, counts[i]!])) as Record<MonitorCardKey, number>;
}

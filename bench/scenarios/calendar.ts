import { addDays, isoWeekday, type LocalDate } from "../../lib/time/zoned";
import { summarize, type Summary } from "../lib/stats";
import { signIn, type PageTiming } from "./admin-lists";

export type CalendarResult = { stylists: number; pages: (PageTiming & { view: "week" | "day" })[] };

/**
 * Item 5, Kalender: server render time of the calendar page of the big salon — every active stylist,
 * next week and its Monday (inside the seeded appointments, wholly after "now", so every free slot is
 * drawn whatever weekday the bench runs on) — measured as the admin lists are: the complete HTML
 * document of a page request with a session, request sent → last byte.
 */
export async function measureCalendar(
  baseUrl: string,
  options: { today: LocalDate; stylists: number; iterations?: number },
): Promise<CalendarResult> {
  const cookie = await signIn();
  const iterations = options.iterations ?? 30;
  const pages: CalendarResult["pages"] = [];
  const nextMonday = addDays(options.today, 8 - isoWeekday(options.today));
  for (const view of ["week", "day"] as const) {
    const path = `/kalender?ansicht=${view === "week" ? "woche" : "tag"}&datum=${nextMonday}`;
    const samples: number[] = [];
    let bytes = 0;
    let status = 0;
    for (let i = -3; i < iterations; i++) {
      const started = performance.now();
      const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
      const html = await response.text();
      const ms = performance.now() - started;
      status = response.status;
      if (status !== 200) throw new Error(`${path}: HTTP ${status}`);
      if (!html.includes("</html>")) throw new Error(`${path}: incomplete document`);
      if (!html.includes("Termin anlegen bei")) throw new Error(`${path}: no free slot rendered`);
      bytes = html.length;
      if (i >= 0) samples.push(ms);
    }
    const summary: Summary = summarize(samples);
    pages.push({ view, path, bytes, status, ...summary });
  }
  return { stylists: options.stylists, pages };
}

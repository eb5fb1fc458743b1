import fs from "node:fs";
import nodePath from "node:path";
import { addDays, isoWeekday, type LocalDate } from "../../lib/time/zoned";
import { benchTmp } from "../lib/stack";
import { summarize, type Summary } from "../lib/stats";
import { signIn, type PageTiming } from "./admin-lists";

/** The goal's page: a week of 10 stylists (chosen in the page's "Mitarbeiter" filter). */
export const GOAL_STYLISTS = 10;

/** `shown`: the path as the table prints it (the stylist ids shortened to "&ma=…"). */
export type CalendarPage = PageTiming & { view: "week" | "day"; stylists: number; goal: boolean; shown: string };
export type CalendarResult = { pages: CalendarPage[] };

/**
 * Item 5, Kalender: server render time of the calendar page of the big salon — the week of 10
 * stylists (the goal), and for information the week and the day of all of them: next week and its Monday (inside the seeded appointments, wholly after "now", so every free slot is
 * drawn whatever weekday the bench runs on) — measured as the admin lists are: the complete HTML
 * document of a page request with a session, request sent → last byte.
 */
export async function measureCalendar(
  baseUrl: string,
  options: { today: LocalDate; staffIds: string[]; iterations?: number },
): Promise<CalendarResult> {
  const cookie = await signIn();
  const iterations = options.iterations ?? 30;
  const pages: CalendarResult["pages"] = [];
  const nextMonday = addDays(options.today, 8 - isoWeekday(options.today));
  const ten = options.staffIds.slice(0, GOAL_STYLISTS);
  const all = options.staffIds.length;
  const variants = [
    { view: "week" as const, ids: ten, goal: true },
    { view: "week" as const, ids: [], goal: false },
    { view: "day" as const, ids: [], goal: false },
  ];
  for (const { view, ids, goal } of variants) {
    const path = `/kalender?ansicht=${view === "week" ? "woche" : "tag"}&datum=${nextMonday}${ids.map((id) => `&ma=${id}`).join("")}`;
    const samples: number[] = [];
    let bytes = 0;
    let lastHtml = "";
    let status = 0;
    for (let i = -3; i < iterations; i++) {
      const started = performance.now();
      const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
      const html = await response.text();
      const ms = performance.now() - started;
      status = response.status;
      if (status !== 200) throw new Error(`${path}: HTTP ${status}`);
      if (!html.includes("</html>")) throw new Error(`${path}: incomplete document`);
      if (!html.includes("/appointments/new?staff=")) throw new Error(`${path}: no free slot rendered`);
      bytes = html.length;
      lastHtml = html;
      if (i >= 0) samples.push(ms);
    }
    const summary: Summary = summarize(samples);
    // The last answer stays in bench/tmp/ to look at what the page weighs.
    fs.writeFileSync(nodePath.join(benchTmp, `kalender-${view}-${ids.length || all}.html`), lastHtml);
    const shown = ids.length ? `${path.replace(/&ma=[^&]+/g, "")}&ma=…` : path;
    pages.push({ view, path, shown, bytes, status, stylists: ids.length || all, goal, ...summary });
  }
  return { pages };
}

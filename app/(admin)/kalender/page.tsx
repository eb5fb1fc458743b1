import Link from "next/link";
import { CalendarNav } from "@/components/calendar/calendar-nav";
import { CalendarStyles } from "@/components/calendar/calendar-styles";
import { DayGrid } from "@/components/calendar/day-grid";
import { calendarWeek, dayTitle, scaleOf } from "@/components/calendar/grid-scale";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/auth/web";
import { calendarParams, getCalendar } from "@/lib/calendar";
import { flatParams } from "@/lib/lists";
import { formatDateDe, localDate, serverNow, zonedInstant } from "@/lib/time";

export const metadata = { title: "Kalender" };

export default async function CalendarPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireAdminPage();
  const tz = ctx.company.timeZone;
  const today = localDate(serverNow(), tz);
  const params = await searchParams;
  const { input, problems } = calendarParams({ ...flatParams(params), ma: params.ma }, today);
  const calendar = await getCalendar({ ctx, input });
  const scale = scaleOf(calendar);
  const first = calendar.days[0]!.date;
  const last = calendar.days[calendar.days.length - 1]!.date;
  const short = (date: string) => formatDateDe(zonedInstant(date, 12 * 60, tz), tz);
  const description =
    calendar.view === "day"
      ? dayTitle(first, tz)
      : `Woche vom ${short(first)} bis ${short(last)} (KW ${calendarWeek(first)})`;
  const isToday = calendar.view === "day" ? first === today : first <= today && today <= last;
  return (
    <>
      <PageHeader
        title="Kalender"
        description={description}
        actions={
          <Link href="/appointments/new" className={buttonClass("primary")}>
            Neuer Termin
          </Link>
        }
      />
      {problems.length ? (
        <div className="mb-4">
          <Notice tone="warn">{problems.join(" ")}</Notice>
        </div>
      ) : null}
      <CalendarStyles />
      <CalendarNav
        view={calendar.view}
        date={calendar.date}
        isToday={isToday}
        stylists={calendar.stylists}
        selected={calendar.selected}
      />
      <p className="mb-4 text-xs text-slate-500">
        Zeiten in der Zeitzone des Salons ({tz}).{" "}
        {calendar.gapBooking
          ? "Einwirkzeiten sind schraffiert und frei buchbar."
          : "Einwirkzeiten sind schraffiert und bleiben für den Termin reserviert."}{" "}
        Ein Klick auf eine freie Uhrzeit legt dort einen Termin an.
      </p>
      {calendar.days.map((day, index) => (
        <DayGrid key={day.date} calendar={calendar} index={index} scale={scale} />
      ))}
    </>
  );
}

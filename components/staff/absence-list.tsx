import { Badge } from "@/components/ui/badge";
import { ABSENCE_KIND_DE, type StaffDetail } from "@/lib/staff";
import { formatDateDe, formatDateTimeDe, WEEKDAY_NAMES_DE } from "@/lib/time";
import { DeleteAbsenceButton } from "./staff-buttons";

const DAYS = WEEKDAY_NAMES_DE;
const germanDate = (d: string) => d.split("-").reverse().join(".");

function describe(a: StaffDetail["absences"][number], timeZone: string): string {
  if (a.weekday !== null) {
    const hours = a.allDay ? "ganztägig" : `${a.startTime}–${a.endTime} Uhr`;
    const until = a.validUntil ? ` bis ${germanDate(a.validUntil)}` : " (unbefristet)";
    return `jeden ${DAYS[a.weekday - 1]}, ${hours}, ab ${germanDate(a.validFrom!)}${until}`;
  }
  if (a.allDay) {
    // Whole days are stored as local midnights; the last day is the one before the end.
    const first = formatDateDe(a.startsAt!, timeZone);
    const lastMidnight = new Date(a.endsAt!.getTime() - 1);
    const last = formatDateDe(lastMidnight, timeZone);
    return first === last ? `${first}, ganztägig` : `${first} bis ${last}, ganztägig`;
  }
  return `${formatDateTimeDe(a.startsAt!, timeZone)} bis ${formatDateTimeDe(a.endsAt!, timeZone)}`;
}

export function AbsenceList({ absences, timeZone }: { absences: StaffDetail["absences"]; timeZone: string }) {
  if (absences.length === 0)
    return <p className="px-5 pt-4 text-sm text-slate-500">Keine Abwesenheiten eingetragen.</p>;
  return (
    <ul className="divide-y divide-slate-100 px-5 pt-2" aria-label="Abwesenheiten">
      {absences.map((a) => (
        <li key={a.id} className="flex flex-wrap items-center gap-2 py-2 text-sm text-slate-700">
          <Badge tone={a.kind === "sick" ? "red" : a.kind === "vacation" ? "blue" : "violet"}>
            {ABSENCE_KIND_DE[a.kind]}
          </Badge>
          <span>{describe(a, timeZone)}</span>
          {a.note ? <span className="text-xs text-slate-500">– {a.note}</span> : null}
          <span className="ml-auto">
            <DeleteAbsenceButton absenceId={a.id} />
          </span>
        </li>
      ))}
    </ul>
  );
}

import { serviceLabel } from "@/components/appointments/badges";
import { AppointmentFilters } from "@/components/appointments/appointment-filters";
import { AppointmentsTable, type AppointmentRowView } from "@/components/appointments/appointments-table";
import { Pagination } from "@/components/lists/pagination";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { appointmentListQuery, effectiveFrom, listAppointments } from "@/lib/appointments";
import { requireAdminPage } from "@/lib/auth/web";
import { filterOptions, flatParams, parseListParams } from "@/lib/lists";
import { formatDateDe, formatTimeDe, weekdayDe, localDate } from "@/lib/time";

export const metadata = { title: "Termine" };

export default async function AppointmentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireAdminPage();
  const raw = flatParams(await searchParams);
  const { query, problems } = parseListParams(appointmentListQuery, raw);
  const tz = ctx.company.timeZone;
  const today = localDate(new Date(), tz);
  const [result, options] = await Promise.all([listAppointments({ ctx, input: query, today }), filterOptions({ ctx })]);
  const rows: AppointmentRowView[] = result.rows.map((r) => ({
    id: r.id,
    date: `${weekdayDe(r.startsAt, tz).slice(0, 2)}, ${formatDateDe(r.startsAt, tz)}`,
    time: `${formatTimeDe(r.startsAt, tz)}–${formatTimeDe(r.endsAt, tz)}`,
    customerName: r.customerName,
    customerPhone: r.customerPhone,
    service: serviceLabel(r.serviceName, r.composite, r.segments),
    composite: r.composite,
    staffName: r.staffName,
    status: r.status,
    syncStatus: r.syncStatus,
    review: r.review,
    followUp: r.followUp,
  }));
  const from = effectiveFrom(query, today);
  return (
    <>
      <PageHeader
        title="Termine"
        description={from ? `Ab ${formatDateDe(new Date(`${from}T12:00:00Z`), "UTC")}` : "Alle Termine"}
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
      <Card>
        <AppointmentFilters query={query} from={from} staff={options.staff} services={options.services} />
        {rows.length === 0 ? (
          <EmptyState title="Keine Termine für diese Filter">
            Passen Sie die Filter an oder zeigen Sie auch vergangene Termine.
          </EmptyState>
        ) : (
          <>
            <AppointmentsTable
              rows={rows}
              sort={{
                key: query.sort ?? "starts_at",
                dir: query.dir ?? (query.sort === "created_at" ? "desc" : "asc"),
              }}
              query={raw}
            />
            <Pagination
              path="/appointments"
              query={raw}
              page={result.page}
              pageCount={result.pageCount}
              total={result.total}
              noun={["Termin", "Termine"]}
            />
          </>
        )}
      </Card>
    </>
  );
}

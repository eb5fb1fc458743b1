import { serviceLabel } from "@/components/appointments/badges";
import { CallFilters } from "@/components/calls/call-filters";
import { formatSeconds } from "@/components/calls/badges";
import { CallsTable, type CallRowView } from "@/components/calls/calls-table";
import { Pagination } from "@/components/lists/pagination";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/auth/web";
import { callListQuery, listCalls } from "@/lib/calls";
import { flatParams, parseListParams } from "@/lib/lists";
import { formatDateTimeDe, formatPhoneDe } from "@/lib/time";

export const metadata = { title: "Anrufe" };

export default async function CallsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireAdminPage();
  const raw = flatParams(await searchParams);
  const { query, problems } = parseListParams(callListQuery, raw);
  const result = await listCalls({ ctx, input: query });
  const tz = ctx.company.timeZone;
  const rows: CallRowView[] = result.rows.map((r) => ({
    id: r.id,
    time: r.startedAt ? formatDateTimeDe(r.startedAt, tz) : "–",
    fromNumber: formatPhoneDe(r.fromNumber),
    customerName: r.customerName,
    duration: formatSeconds(r.durationSeconds),
    outcome: r.outcome,
    inProgress: r.endedAt === null,
    sentiment: r.sentiment,
    appointments: r.appointments.map((a) => ({
      id: a.id,
      label: serviceLabel(a.serviceName, a.composite, a.segments),
      syncStatus: a.syncStatus,
      review: a.review,
      cancelled: a.status === "cancelled",
    })),
  }));
  const filtered = Object.keys(raw).some((k) => !["page", "sort", "dir", "size"].includes(k) && raw[k]);
  return (
    <>
      <PageHeader title="Anrufe" description="Gespräche des Telefon-Assistenten mit den gebuchten Terminen" />
      {problems.length ? (
        <div className="mb-4">
          <Notice tone="warn">{problems.join(" ")}</Notice>
        </div>
      ) : null}
      <Card>
        <CallFilters query={query} />
        {rows.length === 0 ? (
          <EmptyState title={filtered ? "Keine Anrufe für diese Filter" : "Noch keine Anrufe"}>
            {filtered
              ? "Passen Sie die Filter an oder setzen Sie sie zurück."
              : "Sobald der Telefon-Assistent Anrufe annimmt, erscheinen sie hier."}
          </EmptyState>
        ) : (
          <>
            <CallsTable
              rows={rows}
              sort={{ key: query.sort ?? "started_at", dir: query.dir ?? (query.sort === "customer" ? "asc" : "desc") }}
              query={raw}
            />
            <Pagination
              path="/calls"
              query={raw}
              page={result.page}
              pageCount={result.pageCount}
              total={result.total}
              noun={["Anruf", "Anrufe"]}
            />
          </>
        )}
      </Card>
    </>
  );
}

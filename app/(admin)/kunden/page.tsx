import { CustomerFilters } from "@/components/customers/customer-filters";
import { CustomersTable, type CustomerRowView } from "@/components/customers/customers-table";
import { Pagination } from "@/components/lists/pagination";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/auth/web";
import { customerListQuery, listCustomers } from "@/lib/customers";
import { flatParams, parseListParams } from "@/lib/lists";
import { formatDateDe, formatDateTimeDe } from "@/lib/time";

export const metadata = { title: "Kunden" };

export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireAdminPage();
  const raw = flatParams(await searchParams);
  const { query, problems } = parseListParams(customerListQuery.omit({ now: true }), raw);
  const result = await listCustomers({ ctx, input: query });
  const tz = ctx.company.timeZone;
  const rows: CustomerRowView[] = result.rows.map((r) => ({
    id: r.id,
    name: r.name,
    phone: r.phone,
    email: r.email,
    appointments: r.appointments,
    next: r.nextAt ? formatDateTimeDe(r.nextAt, tz) : null,
    lastVisit: r.lastVisitAt ? formatDateDe(r.lastVisitAt, tz) : null,
    noShows: r.noShows,
    state: r.erased ? "erased" : r.mergedInto ? "merged" : null,
  }));
  const filtered = Boolean(query.q || query.show);
  return (
    <>
      <PageHeader title="Kunden" description="Kontaktdaten, Termine, Anrufe und Notizen Ihrer Kundinnen und Kunden" />
      {problems.length ? (
        <div className="mb-4">
          <Notice tone="warn">{problems.join(" ")}</Notice>
        </div>
      ) : null}
      <Card>
        <CustomerFilters query={query} />
        {rows.length === 0 ? (
          <EmptyState title={filtered ? "Keine Kunden für diese Suche" : "Noch keine Kunden"}>
            {filtered
              ? "Prüfen Sie die Schreibweise oder suchen Sie nach der Telefonnummer."
              : "Kunden entstehen mit ihrer ersten Buchung – am Telefon oder hier im Salon."}
          </EmptyState>
        ) : (
          <>
            <CustomersTable
              rows={rows}
              sort={{
                key: query.sort ?? (query.q ? "" : "name"),
                dir: query.dir ?? (!query.sort || query.sort === "name" ? "asc" : "desc"),
              }}
              query={raw}
            />
            <Pagination
              path="/kunden"
              query={raw}
              page={result.page}
              pageCount={result.pageCount}
              total={result.total}
              noun={["Kunde", "Kunden"]}
            />
          </>
        )}
      </Card>
    </>
  );
}

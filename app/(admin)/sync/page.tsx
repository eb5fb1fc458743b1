import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { requireAdminPage } from "@/lib/auth/session";
import { getSyncCounts } from "@/lib/sync/get-sync-counts";

export const metadata = { title: "Sync-Monitor" };

export default async function SyncPage() {
  const ctx = await requireAdminPage();
  const counts = await getSyncCounts({ ctx });
  return (
    <>
      <PageHeader title="Sync-Monitor" description="Abgleich der bestätigten Termine mit Cal.com" />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-5">
        <Stat label="Synchronisiert" value={counts.byStatus.synced} />
        <Stat label="Ausstehend" value={counts.byStatus.pending} />
        <Stat label="Teilweise" value={counts.byStatus.partial} tone={counts.byStatus.partial ? "warn" : "default"} />
        <Stat label="Fehlgeschlagen" value={counts.byStatus.failed} tone={counts.byStatus.failed ? "warn" : "default"} />
        <Stat label="Manuelle Prüfung" value={counts.needsReview} tone={counts.needsReview ? "warn" : "default"} />
      </div>
    </>
  );
}

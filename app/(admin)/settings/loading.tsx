import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div role="status" aria-label="Einstellungen werden geladen">
      <p className="mb-6 text-2xl font-semibold tracking-tight text-slate-900">Einstellungen</p>
      <div className="max-w-4xl space-y-6">
        <Skeleton className="h-40" />
        <Skeleton className="h-80" />
        <Skeleton className="h-48" />
      </div>
    </div>
  );
}

import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div role="status" aria-label="Kalender wird geladen">
      <div className="mb-6">
        <p className="text-2xl font-semibold tracking-tight text-slate-900">Kalender</p>
        <Skeleton className="mt-2 h-4 w-64" />
      </div>
      <Skeleton className="mb-4 h-10 w-full" />
      <div className="flex gap-2 overflow-hidden rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-96 w-44 shrink-0" />
        ))}
      </div>
    </div>
  );
}

import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div role="status" aria-label="Anruf wird geladen">
      <Skeleton className="mb-6 h-8 w-80" />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Skeleton className="h-72" />
        <Skeleton className="h-72 lg:col-span-2" />
      </div>
      <Skeleton className="mt-6 h-64" />
    </div>
  );
}

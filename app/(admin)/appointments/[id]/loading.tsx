import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div role="status" aria-label="Termin wird geladen">
      <Skeleton className="mb-6 h-8 w-96" />
      <Skeleton className="mb-6 h-20" />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Skeleton className="h-72" />
        <Skeleton className="h-72" />
      </div>
      <Skeleton className="mt-6 h-56" />
    </div>
  );
}

import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div role="status" aria-label="Leistung wird geladen">
      <Skeleton className="mb-6 h-8 w-80" />
      <Skeleton className="mb-6 h-96" />
      <Skeleton className="mb-6 h-56" />
      <Skeleton className="h-24" />
    </div>
  );
}

export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden className={`animate-pulse rounded-md bg-slate-200/70 ${className}`} />;
}

/** What a list page shows while its data loads. */
export function ListSkeleton({ title }: { title: string }) {
  return (
    <div role="status" aria-label={`${title} werden geladen`}>
      <div className="mb-6">
        <p className="text-2xl font-semibold tracking-tight text-slate-900">{title}</p>
        <Skeleton className="mt-2 h-4 w-64" />
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <Skeleton className="mb-5 h-10 w-full" />
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="mb-3 h-8 w-full" />
        ))}
      </div>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center px-6 py-14 text-center">
      <div
        aria-hidden
        className="mb-3 flex h-10 w-10 items-center justify-center rounded-full bg-slate-100 text-slate-500"
      >
        ○
      </div>
      <p className="text-sm font-medium text-slate-700">{title}</p>
      {children ? <div className="mt-1 max-w-md text-sm text-slate-500">{children}</div> : null}
    </div>
  );
}

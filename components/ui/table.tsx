/** Plain table primitives shared by the admin lists. */
/**
 * A table that scrolls sideways inside its card when the window is narrow. The scrolling box takes
 * keyboard focus (arrow keys scroll it) and, given a label, is announced as a region.
 */
export function Table({ children, label }: { children: React.ReactNode; label?: string }) {
  return (
    <div className="relative overflow-x-auto" tabIndex={0} {...(label ? { role: "region", "aria-label": label } : {})}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">{children}</table>
    </div>
  );
}

export function Th({ children, className = "" }: { children?: React.ReactNode; className?: string }) {
  return (
    <th
      className={`whitespace-nowrap bg-slate-50 px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 ${className}`}
    >
      {children}
    </th>
  );
}

export function Td({ children, className = "" }: { children?: React.ReactNode; className?: string }) {
  return <td className={`px-4 py-3 align-top text-slate-700 ${className}`}>{children}</td>;
}

import type { ReactNode } from "react";

export type Fact = [label: string, value: ReactNode];

/** Label/value rows of a detail card. */
export function FactList({ facts }: { facts: Fact[] }) {
  return (
    <dl className="divide-y divide-slate-100 text-sm">
      {facts.map(([label, value]) => (
        <div key={label} className="flex items-center justify-between gap-4 px-5 py-2.5">
          <dt className="text-slate-500">{label}</dt>
          <dd className="min-w-0 text-right text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

import Link from "next/link";

export function Stat({
  label,
  value,
  hint,
  href,
  tone = "default",
}: {
  label: string;
  value: string | number;
  hint?: string;
  href?: string;
  tone?: "default" | "warn";
}) {
  const body = (
    <div
      className={`rounded-xl border bg-white p-5 shadow-sm transition ${href ? "hover:border-brand-200 hover:shadow" : ""} ${tone === "warn" ? "border-amber-200" : "border-slate-200"}`}
    >
      <p className="text-sm text-slate-500">{label}</p>
      <p
        className={`mt-1 text-3xl font-semibold tabular-nums ${tone === "warn" ? "text-amber-700" : "text-slate-900"}`}
      >
        {value}
      </p>
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
    </div>
  );
  return href ? <Link href={href}>{body}</Link> : body;
}

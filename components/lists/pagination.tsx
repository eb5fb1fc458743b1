import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { hrefWith } from "./href";

const number = new Intl.NumberFormat("de-DE");

export function Pagination({
  path,
  query,
  page,
  pageCount,
  total,
  noun,
}: {
  path: string;
  query: Record<string, string>;
  page: number;
  pageCount: number;
  total: number;
  noun: [string, string];
}) {
  const prev = page > 1 ? hrefWith(path, query, { page: page - 1 === 1 ? undefined : page - 1 }) : null;
  const next = page < pageCount ? hrefWith(path, query, { page: page + 1 }) : null;
  return (
    <nav
      aria-label="Seiten"
      className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 px-5 py-3 text-sm text-slate-600"
    >
      <p>
        {number.format(total)} {total === 1 ? noun[0] : noun[1]} · Seite {number.format(page)} von{" "}
        {number.format(pageCount)}
      </p>
      <div className="flex gap-2">
        {prev ? (
          <Link className={buttonClass("secondary")} href={prev} rel="prev">
            ← Zurück
          </Link>
        ) : (
          <span role="link" aria-disabled="true" className={buttonClass("secondary", "pointer-events-none opacity-40")}>
            ← Zurück
          </span>
        )}
        {next ? (
          <Link className={buttonClass("secondary")} href={next} rel="next">
            Weiter →
          </Link>
        ) : (
          <span role="link" aria-disabled="true" className={buttonClass("secondary", "pointer-events-none opacity-40")}>
            Weiter →
          </span>
        )}
      </div>
    </nav>
  );
}

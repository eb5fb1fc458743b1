"use client";

import { useState } from "react";

/** A value with a button that copies it (booking IDs, UIDs, call IDs). */
export function CopyValue({ value, label, wrap = false }: { value: string; label: string; wrap?: boolean }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className={`inline-flex items-center gap-1.5 ${wrap ? "" : "whitespace-nowrap"}`}>
      <code
        className={`rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800 ${wrap ? "break-all" : ""}`}
      >
        {value}
      </code>
      <button
        type="button"
        onClick={async () => {
          await navigator.clipboard?.writeText(value).catch(() => {});
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        }}
        className="rounded px-1.5 py-0.5 text-xs text-slate-500 hover:bg-slate-100 hover:text-slate-900"
        aria-label={`${label} kopieren`}
      >
        {copied ? "Kopiert ✓" : "Kopieren"}
      </button>
    </span>
  );
}

"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export const NAV_ITEMS = [
  { href: "/", label: "Übersicht" },
  { href: "/kalender", label: "Kalender" },
  { href: "/calls", label: "Anrufe" },
  { href: "/appointments", label: "Termine" },
  { href: "/kunden", label: "Kunden" },
  { href: "/sync", label: "Sync-Monitor" },
  { href: "/staff", label: "Mitarbeiter" },
  { href: "/services", label: "Leistungen" },
  { href: "/oeffnungszeiten", label: "Schließtage" },
  { href: "/settings", label: "Einstellungen" },
  { href: "/zugaenge", label: "Zugänge" },
  { href: "/einrichtung", label: "Einrichtung" },
] as const;

export function NavLinks({ orientation }: { orientation: "vertical" | "horizontal" }) {
  const pathname = usePathname();
  const isActive = (href: string) =>
    href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label="Hauptnavigation">
      <ul className={orientation === "vertical" ? "space-y-1" : "flex gap-1 overflow-x-auto"}>
        {NAV_ITEMS.map((item) => {
          const active = isActive(item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`block whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium transition ${
                  active ? "bg-brand-600 text-white" : "text-slate-300 hover:bg-white/10 hover:text-white"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

import Link from "next/link";
import { signOutAction } from "@/app/(admin)/actions";
import { NavLinks } from "./nav-links";
import { SearchBox } from "./search-box";

export function AppShell({
  companyName,
  userName,
  children,
}: {
  companyName: string;
  userName: string;
  children: React.ReactNode;
}) {
  const signOut = (
    <form action={signOutAction}>
      <button type="submit" className="rounded-lg px-3 py-2 text-sm text-slate-300 hover:bg-white/10 hover:text-white">
        Abmelden
      </button>
    </form>
  );
  const account = (
    <Link
      href="/konto"
      className="block rounded-lg px-3 py-2 text-sm text-slate-300 hover:bg-white/10 hover:text-white"
    >
      Mein Konto
    </Link>
  );
  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
      <aside className="hidden bg-brand-900 px-4 py-6 lg:flex lg:flex-col">
        <div className="mb-8 px-3">
          <p className="text-lg font-semibold tracking-tight text-white">SlotDesk</p>
          <p className="mt-0.5 truncate text-sm text-brand-200" title={companyName}>
            {companyName}
          </p>
        </div>
        <div className="mb-4">
          <SearchBox id="global-search" />
        </div>
        <NavLinks orientation="vertical" />
        <div className="mt-auto border-t border-white/10 pt-4">
          <p className="truncate px-3 pb-2 text-xs text-brand-200" title={userName}>
            Angemeldet als {userName}
          </p>
          {account}
          {signOut}
        </div>
      </aside>
      <header className="bg-brand-900 px-4 py-3 lg:hidden">
        <div className="mb-2 flex items-center justify-between">
          <p className="font-semibold text-white">
            SlotDesk <span className="font-normal text-brand-200">· {companyName}</span>
          </p>
          <div className="flex items-center gap-1">
            {account}
            {signOut}
          </div>
        </div>
        <div className="mb-2">
          <SearchBox id="global-search-mobile" />
        </div>
        <NavLinks orientation="horizontal" />
      </header>
      <main className="mx-auto w-full min-w-0 max-w-7xl px-4 py-6 sm:px-6 lg:px-8 lg:py-8">{children}</main>
    </div>
  );
}

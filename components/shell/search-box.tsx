/** The shell's one search box: a plain GET form to /suche, so it works without JavaScript. */
export function SearchBox({ id }: { id: string }) {
  return (
    <form action="/suche" method="get" role="search" aria-label="Überall suchen">
      <label htmlFor={id} className="sr-only">
        Überall suchen: Kunden, Termine, Anrufe
      </label>
      <input
        id={id}
        name="q"
        type="search"
        maxLength={100}
        placeholder="Name oder Nummer suchen …"
        className="block w-full rounded-lg border border-white/10 bg-white/10 px-3 py-2 text-sm text-white placeholder:text-brand-200 focus:border-white/40 focus:outline-none"
      />
    </form>
  );
}

/** The conversation as chat bubbles: the agent on the left, the caller on the right. */
export function Transcript({ turns }: { turns: { role: string; content: string }[] }) {
  if (turns.length === 0) return <p className="px-5 py-6 text-sm text-slate-500">Kein Gesprächsverlauf vorhanden.</p>;
  return (
    <ol className="space-y-3 px-5 py-4" aria-label="Gesprächsverlauf">
      {turns.map((turn, i) => {
        const agent = turn.role === "agent";
        return (
          <li key={i} className={`flex ${agent ? "justify-start" : "justify-end"}`}>
            <div
              className={`max-w-[85%] rounded-2xl px-4 py-2 text-sm ${agent ? "rounded-bl-sm bg-slate-100 text-slate-800" : "rounded-br-sm bg-brand-600 text-white"}`}
            >
              <p className={`mb-0.5 text-xs font-medium ${agent ? "text-slate-600" : "text-brand-100"}`}>
                {agent ? "Assistentin" : "Anrufer"}
              </p>
              <p className="whitespace-pre-wrap">{turn.content}</p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

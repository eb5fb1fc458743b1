import { explainSyncMessage } from "./calcom-messages-de";

/** A stored sync message in German; Cal.com's English original only on demand. */
export function CalcomMessage({ message }: { message: string }) {
  const { text, original } = explainSyncMessage(message);
  return (
    <>
      {text}
      {original ? (
        <details className="mt-1 text-xs text-slate-600">
          <summary className="cursor-pointer hover:text-slate-900">Originalmeldung von Cal.com</summary>
          <span className="mt-1 block break-words font-mono">{original}</span>
        </details>
      ) : null}
    </>
  );
}

import { CalcomMessage } from "@/components/ui/calcom-message";

/** German answer of a server action; validation problems as a list under the summary. */
export function Feedback({ state }: { state: { ok: boolean; message: string; errors?: string[] } | null }) {
  if (!state) return null;
  return (
    <div
      role="status"
      className={`rounded-lg px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
    >
      <div>
        <CalcomMessage message={state.message} />
      </div>
      {state.errors?.length ? (
        <ul className="mt-1 list-disc pl-5">
          {state.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

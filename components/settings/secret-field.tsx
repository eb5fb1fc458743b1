import { Badge } from "@/components/ui/badge";
import { inputClass, labelClass } from "@/components/ui/field";

/**
 * A write-only secret: the page only knows whether one is stored. Typing replaces it, an empty
 * field keeps it, "Entfernen" clears it.
 */
type Props = {
  name: string;
  label: string;
  inputLabel: string;
  stored: boolean;
  placeholder: string;
  hint?: React.ReactNode;
};

export function SecretField({ name, label, inputLabel, stored, placeholder, hint }: Props) {
  const id = `secret-${name}`;
  return (
    <fieldset className="rounded-lg border border-slate-200 px-4 py-3">
      <legend className="px-1 text-sm font-medium text-slate-800">{label}</legend>
      <p className="mb-2 flex items-center gap-2 text-sm text-slate-600">
        Status: {stored ? <Badge tone="green">hinterlegt</Badge> : <Badge tone="gray">nicht hinterlegt</Badge>}
      </p>
      <label htmlFor={id} className={labelClass}>
        {inputLabel}
      </label>
      <input
        id={id}
        name={name}
        type="password"
        // Keeps the browser from filling in the admin's login password.
        autoComplete="new-password"
        spellCheck={false}
        placeholder={stored ? "Leer lassen, um den hinterlegten Wert zu behalten" : placeholder}
        data-clear-on-save
        className={inputClass}
      />
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      {stored ? (
        <label className="mt-2 flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name={`remove-${name}`}
            data-clear-on-save
            className="h-4 w-4 rounded border-slate-300 text-red-600 focus:ring-red-500"
          />
          {label} entfernen
        </label>
      ) : null}
    </fieldset>
  );
}

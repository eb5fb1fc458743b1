import { inputClass, labelClass } from "@/components/ui/field";

export type ProfileValues = {
  name: string;
  email: string;
  phone: string;
  color: string;
  calcomUserId: string;
  calcomUsername: string;
};

const FIELDS: { key: keyof ProfileValues; label: string; placeholder?: string; type?: string }[] = [
  { key: "name", label: "Name" },
  { key: "email", label: "E-Mail", placeholder: "emma@salon.de", type: "email" },
  { key: "phone", label: "Telefon", placeholder: "+49 30 1234567", type: "tel" },
  { key: "color", label: "Farbe im Kalender (#rrggbb)", placeholder: "#7c3aed" },
  { key: "calcomUserId", label: "Cal.com-Nutzer-ID", placeholder: "z. B. 1234" },
  { key: "calcomUsername", label: "Cal.com-Benutzername", placeholder: "z. B. emma-schulz" },
];

/** Stammdaten of a stylist; the same fields on "Neue Mitarbeiterin" and the edit page. */
export function ProfileFields({ initial }: { initial: ProfileValues }) {
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      {FIELDS.map((f) => (
        <div key={f.key}>
          <label htmlFor={`staff-${f.key}`} className={labelClass}>
            {f.label}
          </label>
          <input
            id={`staff-${f.key}`}
            name={f.key}
            type={f.type ?? "text"}
            defaultValue={initial[f.key]}
            placeholder={f.placeholder}
            className={inputClass}
          />
        </div>
      ))}
    </div>
  );
}

/** Checkboxes "Leistungen": which services the stylist does. */
export function ServiceChoices({
  services,
  selected,
}: {
  services: { id: number; name: string; active: boolean }[];
  selected: number[];
}) {
  if (services.length === 0) return <p className="text-sm text-slate-500">Noch keine Leistungen angelegt.</p>;
  return (
    <fieldset className="grid grid-cols-1 gap-1 sm:grid-cols-2 lg:grid-cols-3">
      <legend className={labelClass}>Leistungen</legend>
      {services.map((s) => (
        <label key={s.id} className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="serviceIds"
            value={s.id}
            defaultChecked={selected.includes(s.id)}
            className="h-4 w-4 rounded border-slate-300"
          />
          {s.name}
          {s.active ? null : <span className="text-xs text-slate-500">(inaktiv)</span>}
        </label>
      ))}
    </fieldset>
  );
}

import { inputClass, labelClass } from "./field";

/** A labelled input of a GET filter form; the name is the URL parameter. */
export function FilterInput({
  name,
  label,
  type = "text",
  value,
  placeholder,
  className,
}: {
  name: string;
  label: string;
  type?: "text" | "search" | "date";
  value: string | undefined;
  placeholder?: string;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={name} className={labelClass}>
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={value ?? ""}
        placeholder={placeholder}
        className={inputClass}
      />
    </div>
  );
}

/** A labelled select of a GET filter form with an "Alle" option first. */
export function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: [value: string, label: string][];
}) {
  return (
    <div>
      <label htmlFor={name} className={labelClass}>
        {label}
      </label>
      <select id={name} name={name} defaultValue={value ?? ""} className={inputClass}>
        <option value="">Alle</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}

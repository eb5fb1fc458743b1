import { inputClass, labelClass } from "@/components/ui/field";

export type ContactValues = { name: string; phone: string; email: string; notes: string };

/** Name, phone, e-mail and notes of a customer; the server normalises the number and answers in German. */
export function ContactFields({ initial }: { initial: ContactValues }) {
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
      <label className="block">
        <span className={labelClass}>Name</span>
        <input name="name" required maxLength={200} defaultValue={initial.name} className={inputClass} />
      </label>
      <label className="block">
        <span className={labelClass}>Telefon</span>
        <input
          name="phone"
          type="tel"
          maxLength={40}
          defaultValue={initial.phone}
          placeholder="z. B. 0151 2345678"
          className={inputClass}
        />
      </label>
      <label className="block">
        <span className={labelClass}>E-Mail</span>
        <input name="email" type="email" maxLength={200} defaultValue={initial.email} className={inputClass} />
      </label>
      <label className="block sm:col-span-3">
        <span className={labelClass}>Notizen (Allergien, Wünsche – höchstens 2000 Zeichen)</span>
        <textarea name="notes" rows={4} maxLength={2000} defaultValue={initial.notes} className={inputClass} />
      </label>
    </div>
  );
}

/** A posted text field, "" when missing: the verbs' schemas answer an empty field in German. */
export const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
};

export const checked = (form: FormData, key: string) => form.get(key) === "on";

/** An empty field becomes NaN so the verb's schema answers with its German message. */
export const number = (form: FormData, key: string) => numberOrNull(form, key) ?? Number.NaN;

export const numberOrNull = (form: FormData, key: string) => {
  const value = text(form, key);
  return value.trim() === "" ? null : Number(value);
};

/** The current list URL with some parameters changed (undefined/"" removes one). */
export function hrefWith(
  path: string,
  query: Record<string, string>,
  changes: Record<string, string | number | undefined>,
): string {
  const params = new URLSearchParams(query);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === "") params.delete(key);
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

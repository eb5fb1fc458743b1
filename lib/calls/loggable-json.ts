export const LOG_JSON_MAX_CHARS = 16 * 1024;

// PostgreSQL's text and jsonb hold neither NUL nor unpaired surrogates; a log must not fail over them.
const storable = (text: string) => text.replaceAll("\u0000", "\uFFFD").toWellFormed();

/**
 * JSON text for a jsonb log column that PostgreSQL always accepts: never throws, never longer than
 * LOG_JSON_MAX_CHARS of content. What does not fit is kept as the start of its JSON text under a marker:
 * `{ "_truncated": true, "original_chars": n, "preview": "…" }`.
 */
export function loggableJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (_key, item: unknown) => (typeof item === "string" ? storable(item) : item));
  } catch {
    // Cyclic, or too deep for JSON.stringify's recursion: nothing of it can be shown safely.
    return JSON.stringify({ _unloggable: "not serialisable (cyclic or too deep)" });
  }
  if (text === undefined) return "null";
  if (text.length <= LOG_JSON_MAX_CHARS) return text;
  const preview = storable(text.slice(0, LOG_JSON_MAX_CHARS));
  return JSON.stringify({ _truncated: true, original_chars: text.length, preview });
}

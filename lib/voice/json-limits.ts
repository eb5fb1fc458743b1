export type JsonIssue = { path: string; message: string };
export type JsonPathIssue = { path: string[]; message: string };

export type JsonLimits = {
  /** Containers inside each other; the root object is level 1. */
  maxDepth: number;
  /** Every value counts: objects, arrays, strings, numbers … */
  maxValues?: number;
  maxStringChars?: number;
};

const MAX_ISSUES = 10;
// Unpaired surrogates survive JSON.parse, but PostgreSQL's jsonb refuses the escape JSON.stringify makes of them.
const isStorable = (text: string) => !text.includes("\u0000") && text.isWellFormed();

function stringIssue(text: string, limits: JsonLimits, path: string[], what: string): JsonPathIssue | null {
  if (!isStorable(text)) return { path, message: `${what} contains a NUL character or an unpaired surrogate` };
  if (limits.maxStringChars !== undefined && text.length > limits.maxStringChars) {
    return { path, message: `${what} is longer than ${limits.maxStringChars} characters` };
  }
  return null;
}

/**
 * Checks parsed JSON against limits and what PostgreSQL can store (no NUL, no unpaired surrogates).
 * Iterative on purpose: JSON.parse accepts 10 000 levels, so no walk over untrusted input may recurse.
 */
export function inspectJson(root: unknown, limits: JsonLimits, rootPath: string[] = []): JsonPathIssue[] {
  const issues: JsonPathIssue[] = [];
  const pending: { value: unknown; depth: number; path: string[] }[] = [{ value: root, depth: 0, path: rootPath }];
  let values = 0;
  while (pending.length > 0 && issues.length < MAX_ISSUES) {
    const { value, depth, path } = pending.pop()!;
    values++;
    if (limits.maxValues !== undefined && values > limits.maxValues) {
      issues.push({ path: rootPath, message: `has more than ${limits.maxValues} values` });
      break;
    }
    if (typeof value === "string") {
      const issue = stringIssue(value, limits, path, "text");
      if (issue) issues.push(issue);
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth + 1 > limits.maxDepth) {
      issues.push({ path, message: `is nested deeper than ${limits.maxDepth} levels` });
      continue;
    }
    const entries = Array.isArray(value) ? value.map((item, i) => [String(i), item] as const) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i]!;
      const keyIssue = Array.isArray(value) ? null : stringIssue(key, { maxDepth: 0 }, [...path, key], "key");
      if (keyIssue) issues.push(keyIssue);
      pending.push({ value: item, depth: depth + 1, path: [...path, key] });
    }
  }
  return issues.slice(0, MAX_ISSUES);
}

export const formatIssues = (issues: { path: PropertyKey[]; message: string }[]): JsonIssue[] =>
  issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));

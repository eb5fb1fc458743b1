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

function stringProblem(text: string, maxChars: number | undefined): string | null {
  if (!isStorable(text)) return "contains a NUL character or an unpaired surrogate";
  return maxChars !== undefined && text.length > maxChars ? `is longer than ${maxChars} characters` : null;
}

/**
 * Checks parsed JSON against limits and what PostgreSQL can store (no NUL, no unpaired surrogates).
 * Iterative on purpose: JSON.parse accepts 10 000 levels, so no walk over untrusted input may recurse.
 */
export function inspectJson(root: unknown, limits: JsonLimits, rootPath: string[] = []): JsonPathIssue[] {
  const issues: JsonPathIssue[] = [];
  // Scalars are checked where they are found; only containers wait, with the path that leads to them.
  const pending: { node: object; depth: number; path: string[] }[] = [];
  let values = 0;
  const check = (value: unknown, depth: number, parent: string[], key: string | number | null) => {
    values++;
    if (typeof value === "string") {
      const problem = stringProblem(value, limits.maxStringChars);
      if (problem) issues.push({ path: key === null ? parent : [...parent, String(key)], message: `text ${problem}` });
    } else if (value !== null && typeof value === "object") {
      const path = key === null ? parent : [...parent, String(key)];
      if (depth <= limits.maxDepth) pending.push({ node: value, depth, path });
      else issues.push({ path, message: `is nested deeper than ${limits.maxDepth} levels` });
    }
  };
  const tooMany = () => limits.maxValues !== undefined && values > limits.maxValues;
  check(root, 1, rootPath, null);
  while (pending.length > 0 && issues.length < MAX_ISSUES && !tooMany()) {
    const { node, depth, path } = pending.pop()!;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) check(node[i], depth + 1, path, i);
      continue;
    }
    for (const [key, item] of Object.entries(node)) {
      const problem = stringProblem(key, undefined);
      if (problem) issues.push({ path: [...path, key], message: `key ${problem}` });
      check(item, depth + 1, path, key);
    }
  }
  if (tooMany()) return [{ path: rootPath, message: `has more than ${limits.maxValues} values` }];
  return issues.slice(0, MAX_ISSUES);
}

export const formatIssues = (issues: { path: PropertyKey[]; message: string }[]): JsonIssue[] =>
  issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));

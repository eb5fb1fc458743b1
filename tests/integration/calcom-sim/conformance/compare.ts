import type { Binder } from "./binder";

/**
 * Deep comparison of a recorded JSON value with the simulator's: same keys, same array lengths,
 * equal values with placeholders bound through the Binder. A rule can relax one path: only check
 * that it is present, match array elements by a key instead of by position, or run its own checks.
 */

export type Check = "present" | { unordered: string } | { assert: (actual: unknown) => string[] };
export type RuleFor = (path: string) => Check | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export class Comparer {
  readonly problems: string[] = [];

  constructor(
    private readonly binder: Binder,
    private readonly ruleFor: RuleFor,
  ) {}

  compare(expected: unknown, actual: unknown, path: string): void {
    const rule = this.ruleFor(path);
    if (rule === "present") return actual === undefined ? this.fail(path, "missing") : undefined;
    if (rule && "assert" in rule) return rule.assert(actual).forEach((p) => this.fail(path, p));
    if (typeof expected === "string") {
      const problem = this.binder.match(expected, actual);
      return problem ? this.fail(path, problem) : undefined;
    }
    if (Array.isArray(expected)) {
      if (!Array.isArray(actual)) return this.fail(path, `expected an array, got ${JSON.stringify(actual)}`);
      if (actual.length !== expected.length)
        return this.fail(path, `expected ${expected.length} items, got ${actual.length}`);
      const pairs = rule
        ? this.pair(expected, actual, rule.unordered, path)
        : expected.map((e, i) => [e, actual[i]] as const);
      return pairs.forEach(([e, a], i) => this.compare(e, a, `${path}.${i}`));
    }
    if (isObject(expected)) {
      if (!isObject(actual)) return this.fail(path, `expected an object, got ${JSON.stringify(actual)}`);
      const missing = Object.keys(expected).filter((k) => !(k in actual));
      const extra = Object.keys(actual).filter((k) => !(k in expected));
      if (missing.length) this.fail(path, `missing keys ${missing.join(", ")}`);
      if (extra.length) this.fail(path, `unexpected keys ${extra.join(", ")}`);
      for (const key of Object.keys(expected))
        if (key in actual) this.compare(expected[key], actual[key], `${path}.${key}`);
      return;
    }
    if (expected !== actual) this.fail(path, `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }

  /** Pairs elements by `key`, whose recorded values must already be bound (or literal). */
  private pair(expected: unknown[], actual: unknown[], key: string, path: string): Array<readonly [unknown, unknown]> {
    const keyOf = (v: unknown) => JSON.stringify(isObject(v) ? v[key] : undefined);
    const left = [...actual];
    return expected.map((e) => {
      const wanted = JSON.stringify(this.binder.resolve(isObject(e) ? e[key] : undefined));
      const i = left.findIndex((a) => keyOf(a) === wanted);
      if (i < 0) this.fail(path, `no item with ${key} ${wanted}`);
      return [e, i < 0 ? undefined : left.splice(i, 1)[0]] as const;
    });
  }

  fail(path: string, problem: string): void {
    this.problems.push(`${path}: ${problem}`);
  }
}

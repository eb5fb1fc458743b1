/**
 * Placeholders of the recordings (`<uid:1>`, `<eventTypeId:2>`, `<now>` …) mapped to the values the
 * simulator uses: bound by the setup, or on first appearance in a response; consistent afterwards,
 * one value per placeholder and one placeholder per value.
 */

const TOKEN =
  /<(uid|bookingId|eventTypeId|userId|teamId|webhookId|uuid):\d+>|<now>|<now\+reservationDuration>|<webhook-secret>/g;
const NUMERIC = new Set(["bookingId", "eventTypeId", "userId", "teamId"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMES = new Set(["<now>", "<now+reservationDuration>"]);

const kindOf = (token: string) => /^<(\w+):/.exec(token)?.[1] ?? token;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export class Binder {
  private values = new Map<string, string | number>();
  private aliases: Array<[string, string]> = [];

  bind(token: string, value: string | number): void {
    const known = this.values.get(token);
    if (known !== undefined && known !== value) throw new Error(`${token} is ${known}, not ${value}`);
    for (const [other, v] of this.values) {
      if (other !== token && v === value && kindOf(other) === kindOf(token))
        throw new Error(`${token} and ${other} are both ${value}`);
    }
    this.values.set(token, value);
  }

  /** Recorded text that stands for something else here (the subscriber's address, for one). */
  alias(recorded: string, real: string): void {
    this.aliases.push([recorded, real]);
  }

  get(token: string): string | number | undefined {
    return this.values.get(token);
  }

  private unalias(text: string): string {
    return this.aliases.reduce((t, [from, to]) => t.split(from).join(to), text);
  }

  /** A request value with every placeholder replaced; a lone numeric placeholder becomes a number. */
  resolve(value: unknown): unknown {
    if (typeof value === "string") {
      const text = this.unalias(value);
      const whole = this.values.get(text);
      if (whole !== undefined) return whole;
      return text.replace(TOKEN, (token) => {
        const v = this.values.get(token);
        if (v === undefined) throw new Error(`${token} is used in a request before anything bound it: the setup must`);
        return String(v);
      });
    }
    if (Array.isArray(value)) return value.map((v) => this.resolve(v));
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.resolve(v)]));
    return value;
  }

  /** Compares a recorded string with the simulator's value, binding what is new; a problem text or undefined. */
  match(expected: string, actual: unknown): string | undefined {
    const text = this.unalias(expected);
    const tokens = [...text.matchAll(TOKEN)].map((m) => m[0]);
    const shown = `expected ${JSON.stringify(text)}, got ${JSON.stringify(actual)}`;
    if (tokens.length === 0) return actual === text ? undefined : shown;
    if (tokens.length === 1 && tokens[0] === text && typeof actual === "number") return this.take(text, actual);
    if (typeof actual !== "string") return shown;
    const groups: string[] = [];
    const pattern = this.pattern(text, groups);
    const m = new RegExp(`^${pattern}$`, "s").exec(actual);
    if (!m) return shown;
    for (const [i, token] of groups.entries()) {
      const captured = m[i + 1]!;
      const problem = TIMES.has(token)
        ? Number.isNaN(Date.parse(captured))
          ? `${token}: not a time: ${captured}`
          : undefined
        : this.take(token, NUMERIC.has(kindOf(token)) ? Number(captured) : captured);
      if (problem) return problem;
    }
    return undefined;
  }

  private pattern(text: string, groups: string[]): string {
    let out = "";
    let last = 0;
    for (const m of text.matchAll(TOKEN)) {
      out += escape(text.slice(last, m.index));
      last = m.index + m[0].length;
      const token = m[0];
      const bound = this.values.get(token);
      const seen = groups.indexOf(token);
      if (bound !== undefined) out += escape(String(bound));
      else if (seen >= 0 && !TIMES.has(token)) out += `\\${seen + 1}`;
      else {
        groups.push(token);
        out += NUMERIC.has(kindOf(token)) ? "(\\d+)" : "(.+?)";
      }
    }
    return out + escape(text.slice(last));
  }

  private take(token: string, value: string | number): string | undefined {
    const kind = kindOf(token);
    if (NUMERIC.has(kind) && !Number.isInteger(value)) return `${token}: ${value} is not an id`;
    if ((kind === "uuid" || kind === "webhookId") && !UUID.test(String(value)))
      return `${token}: ${value} is not a UUID`;
    if (kind === "uid" && !/^[A-Za-z0-9]+$/.test(String(value))) return `${token}: ${value} is not a booking uid`;
    try {
      this.bind(token, value);
      return undefined;
    } catch (err) {
      return (err as Error).message;
    }
  }
}

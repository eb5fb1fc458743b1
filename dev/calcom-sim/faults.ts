import type { FaultValues, SimFaults } from "./types";

/** Switchable faults. Counters decrement per affected request; Infinity means "always". */

const ZERO: FaultValues = {
  createThen400: 0,
  error500: 0,
  timeout: 0,
  burst429: 0,
  latencyMs: 0,
  latencyJitterMs: 0,
  createLoadMs: 0,
};
type Counter = "createThen400" | "error500" | "timeout" | "burst429";

export type FaultController = SimFaults & {
  /** Consumes one unit of a counter; true when the fault applies to this request. */
  take(name: Counter): boolean;
  /** Delay for this response, in ms (latency + random jitter). */
  delayMs(): number;
};

/** Over HTTP, `"always"` or any negative number means Infinity (JSON cannot carry Infinity). */
export function parseFaultInput(input: unknown): Partial<FaultValues> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new Error("faults body must be a JSON object");
  }
  const out: Partial<FaultValues> = {};
  for (const [key, raw] of Object.entries(input)) {
    if (!(key in ZERO)) throw new Error(`unknown fault "${key}" (known: ${Object.keys(ZERO).join(", ")})`);
    const value = raw === "always" || raw === null ? Infinity : Number(raw);
    if (Number.isNaN(value)) throw new Error(`fault "${key}" must be a number or "always"`);
    out[key as keyof FaultValues] = value < 0 ? Infinity : value;
  }
  return out;
}

/** JSON-safe view: Infinity → "always". */
export function faultsForJson(f: FaultValues): Record<string, number | "always"> {
  return Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v === Infinity ? "always" : v]));
}

export function createFaults(): FaultController {
  let values: FaultValues = { ...ZERO };
  return {
    set(f) {
      for (const [key, value] of Object.entries(f)) {
        if (!(key in ZERO)) throw new Error(`unknown fault "${key}"`);
        if (typeof value !== "number" || Number.isNaN(value)) throw new Error(`fault "${key}" must be a number`);
        values[key as keyof FaultValues] = value < 0 ? Infinity : value;
      }
    },
    clear() {
      values = { ...ZERO };
    },
    get() {
      return { ...values };
    },
    take(name) {
      if (values[name] <= 0) return false;
      if (values[name] !== Infinity) values[name] -= 1;
      return true;
    },
    delayMs() {
      const base = Math.max(0, values.latencyMs);
      const jitter = Math.max(0, values.latencyJitterMs);
      return base + (jitter > 0 ? Math.random() * jitter : 0);
    },
  };
}

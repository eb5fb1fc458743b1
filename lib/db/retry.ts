import { pgErrorCode } from "../errors";

const RETRYABLE = new Set(["40001", "40P01"]);

/** Reruns a transaction that lost to a serialization failure or deadlock (never business conflicts). */
export async function retryOnSerializationFailure<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !RETRYABLE.has(pgErrorCode(error) ?? "")) throw error;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }
}

import { z } from "zod";

/** A customer's id as a page or form gives it ("42") or a verb passes it (42). */
export const customerId = z.coerce.number<number | string>().int().positive().max(Number.MAX_SAFE_INTEGER);

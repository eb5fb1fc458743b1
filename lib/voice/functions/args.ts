import { z } from "zod";

/** LLM-filled arguments arrive as strings, numbers or null; anything else is treated as absent. */
export const text = z.preprocess(
  (v) => (typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() || undefined : undefined),
  z.string().max(500).optional(),
);

export const idArg = z.preprocess((v) => {
  const n = typeof v === "string" ? Number(v.replace(/\D/g, "")) : v;
  return typeof n === "number" && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}, z.number().int().positive().optional());

export const parseArgs = <S extends z.ZodObject>(schema: S, args: unknown): z.infer<S> => schema.parse(args ?? {});

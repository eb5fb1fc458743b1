import { verify } from "retell-sdk";
import { env } from "../env";

/** x-retell-signature over the exact raw body; verify() is async, so it is always awaited. */
export async function isValidRetellSignature(rawBody: string, signature: string | null): Promise<boolean> {
  if (!signature) return false;
  try {
    return (await verify(rawBody, env().RETELL_API_KEY, signature)) === true;
  } catch {
    return false;
  }
}

import { randomInt } from "node:crypto";
import { z } from "zod";

/** better-auth's limits for this app (auth.ts passes them on): the forms and verbs check the same. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export const newPassword = z
  .string({ error: "Bitte geben Sie ein Passwort ein." })
  .min(PASSWORD_MIN_LENGTH, `Das Passwort muss mindestens ${PASSWORD_MIN_LENGTH} Zeichen lang sein.`)
  .max(PASSWORD_MAX_LENGTH, `Das Passwort darf höchstens ${PASSWORD_MAX_LENGTH} Zeichen lang sein.`);

// No 0/O, 1/l/I: the password is read off a screen and typed in by hand.
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A one-time password shown once on screen, e.g. "k7Pq-xR4m-2nVw-Tb9z" (about 94 bits). */
export function generateOneTimePassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""),
  );
  return groups.join("-");
}

export const adminEmail = z
  .string({ error: "Bitte geben Sie eine E-Mail-Adresse an." })
  .trim()
  .toLowerCase()
  .pipe(z.email("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. anna@salon.de."));

export const adminName = z
  .string({ error: "Bitte geben Sie einen Namen an." })
  .trim()
  .min(1, "Bitte geben Sie einen Namen an.")
  .max(120, "Der Name darf höchstens 120 Zeichen lang sein.");

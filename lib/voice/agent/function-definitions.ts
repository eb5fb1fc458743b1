import { z } from "zod";
import type { FunctionName } from "../envelope";
import { bookAppointmentArgs } from "../functions/book-appointment";
import { cancelAppointmentArgs } from "../functions/cancel-appointment";
import { checkAvailabilityArgs } from "../functions/check-availability";
import { customerAppointmentsArgs } from "../functions/customer-appointments";
import { rescheduleAppointmentArgs } from "../functions/reschedule-appointment";

/** get_current_time and list_services read no arguments. */
const noArgs = z.object({});

type Definition = {
  /** The very schema the function validates its `args` with. */
  args: z.ZodObject;
  description: string;
  /** Filler while it runs; Retell recommends one for anything that may take over a second. */
  speakDuringExecution: boolean;
};

/** Every function the route accepts: the Record type fails the build when one is missing. */
export const FUNCTION_DEFINITIONS: Record<FunctionName, Definition> = {
  get_current_time: {
    args: noArgs,
    description: "Heutiges Datum, Wochentag und Uhrzeit des Salons. Aufrufen, bevor Sie ein Datum nennen oder rechnen.",
    speakDuringExecution: false,
  },
  list_services: {
    args: noArgs,
    description: "Alle Dienstleistungen des Salons mit Dauer. Aufrufen, wenn der Anrufer fragt, was angeboten wird.",
    speakDuringExecution: false,
  },
  check_availability: {
    args: checkAvailabilityArgs,
    description:
      "Prüft, ob eine Dienstleistung an einem Tag (und zu einer Uhrzeit) frei ist, und hält einen freien Termin " +
      "für dieses Gespräch kurz fest. Ohne Uhrzeit: die freien Zeiten des Tages. Ist der Wunsch belegt, nennt die " +
      "Antwort bis zu drei Alternativen.",
    speakDuringExecution: true,
  },
  book_appointment: {
    args: bookAppointmentArgs,
    description:
      "Bucht den Termin verbindlich. Erst aufrufen, wenn der Anrufer Dienstleistung, Tag, Uhrzeit und Namen " +
      "bestätigt hat. Gebucht ist nur, wenn die Antwort booked:true enthält.",
    speakDuringExecution: true,
  },
  cancel_appointment: {
    args: cancelAppointmentArgs,
    description:
      "Sagt einen eigenen Termin des Anrufers ab (erkannt an seiner Telefonnummer, sonst an Name und Tag). " +
      "Nur nach ausdrücklicher Bestätigung durch den Anrufer aufrufen.",
    speakDuringExecution: true,
  },
  reschedule_appointment: {
    args: rescheduleAppointmentArgs,
    description:
      "Verschiebt einen eigenen Termin des Anrufers auf einen neuen Tag und eine neue Uhrzeit. Ist die neue Zeit " +
      "belegt, bleibt der alte Termin bestehen und die Antwort nennt Alternativen.",
    speakDuringExecution: true,
  },
  get_customer_appointments: {
    args: customerAppointmentsArgs,
    description:
      "Die anstehenden Termine des Anrufers (zu seiner Telefonnummer). Termine anderer Personen gibt es nie.",
    speakDuringExecution: true,
  },
};

export type ToolParameters = { type: "object"; properties: Record<string, unknown>; required?: string[] };

/**
 * A function's JSON Schema for Retell, generated from its zod schema. The input side is what the caller
 * (the LLM) sends; Retell takes a plain object schema, so `$schema` and the like are left out.
 */
export function toolParameters(args: z.ZodObject): ToolParameters {
  const schema = z.toJSONSchema(args, { io: "input" }) as { properties?: Record<string, unknown>; required?: string[] };
  const parameters: ToolParameters = { type: "object", properties: schema.properties ?? {} };
  if (schema.required?.length) parameters.required = schema.required;
  return parameters;
}

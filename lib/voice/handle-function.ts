import type { Ctx } from "../context";
import { logFunctionCall, outcomeOf, upsertCall } from "../calls";
import { afterResponse } from "../http";
import { logger } from "../logger";
import type { FunctionEnvelope, FunctionName } from "./envelope";
import { bookAppointmentFunction } from "./functions/book-appointment";
import { cancelAppointmentFunction } from "./functions/cancel-appointment";
import { checkAvailabilityFunction } from "./functions/check-availability";
import { customerAppointmentsFunction } from "./functions/customer-appointments";
import { currentTimeFunction, listServicesFunction } from "./functions/info";
import { rescheduleAppointmentFunction } from "./functions/reschedule-appointment";
import { loggableError } from "./safe-error";
import { technicalProblem, type VoiceCtx, type VoiceResult } from "./types";

const FUNCTIONS: Record<FunctionName, (ctx: VoiceCtx, args: unknown) => Promise<VoiceResult>> = {
  get_current_time: currentTimeFunction,
  list_services: listServicesFunction,
  check_availability: checkAvailabilityFunction,
  book_appointment: bookAppointmentFunction,
  cancel_appointment: cancelAppointmentFunction,
  reschedule_appointment: rescheduleAppointmentFunction,
  get_customer_appointments: customerAppointmentsFunction,
};

/**
 * Runs one agent function for a call: the call row exists from the first function call on,
 * "now" is the call's start, and every call is logged with args, result and latency.
 */
export async function handleFunctionCall(
  ctx: Ctx,
  name: FunctionName,
  envelope: FunctionEnvelope,
  startedAt = performance.now(),
): Promise<VoiceResult> {
  const call = await upsertCall(ctx.db, ctx.company.id, envelope.call, "ongoing");
  const vctx: VoiceCtx = {
    ...ctx,
    actor: { type: "voice-agent", retellCallId: envelope.call.call_id },
    call: {
      id: call.id,
      retellCallId: envelope.call.call_id,
      fromNumber: envelope.call.from_number ?? null,
      customerId: call.customerId,
    },
    now: envelope.call.start_timestamp ? new Date(envelope.call.start_timestamp) : new Date(),
  };
  const log = logger.child({ callId: envelope.call.call_id, function: name });
  let result: VoiceResult;
  try {
    result = await FUNCTIONS[name](vctx, envelope.args);
  } catch (error) {
    log.error({ err: loggableError(error) }, "voice function failed");
    result = technicalProblem();
  }
  const latencyMs = performance.now() - startedAt;
  const outcome = outcomeOf(name, result);
  // The agent is waiting: the call's outcome and the function log are written after the answer.
  // A committed booking must be answered even if these writes fail.
  const entry = { callId: call.id, name, args: envelope.args, result, latencyMs, outcome };
  await afterResponse(() =>
    logFunctionCall(vctx, entry).catch((error) => log.error({ err: loggableError(error) }, "function call log failed")),
  );
  log.info({ latencyMs: Math.round(latencyMs), ok: result.ok, error: result.error }, "voice function");
  return result;
}

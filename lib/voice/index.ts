export { parseWhen } from "./dates/parse-when";
export { functionEnvelope, isFunctionName, webhookEnvelope } from "./envelope";
export type { RetellCall } from "./envelope";
export { handleFunctionCall } from "./handle-function";
export { foreignCall, parseJson, readSignedBody } from "./http";
export { formatIssues } from "./json-limits";
export { whenSpoken } from "./speech";

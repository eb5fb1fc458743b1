export { afterResponse } from "./after-response";
export { readRawBody } from "./raw-body";
export { invalidRequest, json, respond } from "./respond";

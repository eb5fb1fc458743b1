export { customerEmail, customerInput, findOrCreateCustomer } from "./find-or-create";
export { sameName } from "./names";
export { toE164 } from "./phone";
export { customerMatches, customerRank, phoneDigits, phoneMatches } from "./search";

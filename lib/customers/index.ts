export { customerEmail, customerInput, findOrCreateCustomer } from "./find-or-create";
export { sameName } from "./names";
export { toE164 } from "./phone";

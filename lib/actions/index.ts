export { actionError } from "./action-state";
export type { ActionState } from "./action-state";
export { adminAction, form } from "./admin-action";
export { checked, number, numberOrNull, text } from "./form-fields";

export { getSetupChecklist, openSteps } from "./get-setup-checklist";
export type { SetupStep, SetupStepKey } from "./get-setup-checklist";

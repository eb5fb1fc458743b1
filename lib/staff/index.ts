export { findDuplicateStaff } from "./find-duplicates";
export { listStaff } from "./list-staff";
export { mergeStaff, previewStaffMerge } from "./merge-staff";
export type { MergePreview } from "./merge-staff";

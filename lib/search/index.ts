export { searchEverywhere } from "./search-everywhere";
export type { SearchResults } from "./search-everywhere";

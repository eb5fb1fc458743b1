export { rows } from "./db-metric";
export { metricsRegistry } from "./registry";

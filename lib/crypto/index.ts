export { decryptOptional, decryptSecret, encryptSecret } from "./secrets";

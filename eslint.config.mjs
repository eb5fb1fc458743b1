// @ts-check
import { readdirSync } from "node:fs";
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/**
 * The layering of DEVELOPERS.md, enforced:
 * - app/ and jobs/ are the top; lib/ is what ships underneath them; dev/, scripts/ and the tests sit beside.
 * - lib/ never imports app/, components/, jobs/ or development tooling.
 * - Outside a lib domain (any folder of lib/, plus lib/calcom/sync and lib/calcom/provisioning) only its
 *   index.ts may be imported; tests, e2e and bench may reach inside to test the parts.
 */
const DOMAINS = [
  ...readdirSync("lib", { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `lib/${entry.name}`),
  "lib/calcom/sync",
  "lib/calcom/provisioning",
];
const SHIPPED_AND_TOOLS = ["app", "components", "jobs", "dev", "scripts", ...DOMAINS, "lib/*.ts"];

/** Every place that must use `domain` through its index: all the above except the domain itself. */
function outside(domain) {
  const others = SHIPPED_AND_TOOLS.filter((place) => place !== domain && !domain.startsWith(`${place}/`));
  return [...new Set(others)];
}

const indexOnly = DOMAINS.map((domain) => ({
  target: outside(domain),
  from: domain,
  except: [
    "./index.ts",
    // web.ts: the domain's verbs that need Next.js request scope (sessions); see the zone below.
    "./web.ts",
    ...DOMAINS.filter((sub) => sub.startsWith(`${domain}/`)).map((sub) => `./${sub.slice(domain.length + 1)}`),
  ],
  message: `Use the public verbs of ${domain}/index.ts.`,
}));

const webOnly = {
  target: ["jobs", "dev", "scripts", ...DOMAINS.filter((domain) => domain !== "lib/actions")],
  from: ["lib/*/web.ts"],
  message: "web.ts needs a Next.js request; only app/, components/ and lib/actions use it.",
};

const layers = [
  {
    target: "lib",
    from: ["app", "components", "jobs", "dev", "scripts", "tests", "e2e", "bench"],
    message: "lib/ is the bottom layer.",
  },
  {
    // A form may call its page's server actions and share their schema (the actions' public face), nothing else of app/.
    target: "components",
    from: ["app/**"],
    except: ["**/app/**/actions.ts", "**/app/**/form-data.ts"],
    message: "Components are used by pages, not the other way.",
  },
  { target: "components", from: ["jobs", "dev", "scripts"], message: "Components run in the web app only." },
  {
    target: "app",
    from: ["jobs", "dev", "scripts"],
    message: "The web app talks to the worker only through lib/jobs.",
  },
  { target: "jobs", from: ["app", "components", "dev", "scripts"], message: "Job handlers call lib/ verbs only." },
];

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      ".data/",
      "e2e-artifacts/",
      "test-results/",
      "playwright-report/",
      "bench/tmp/",
      "coverage/",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: [...layers, webOnly, ...indexOnly] }],
      "import-x/no-duplicates": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // Tests and tools read JSON of any shape from HTTP answers.
    files: ["tests/**", "e2e/**", "scripts/**", "bench/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      // The two classic hook rules; the React Compiler rules do not apply (the compiler is not used).
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      ...nextPlugin.configs.recommended.rules,
    },
  },
);

// ESLint for the site's own scripts (overrides/assets/javascripts/; the vendored Tablesort is
// not ours) and the preview's (scripts/govcat/site/live.js). Run from the repository root by .ci/run:
//   npm ci --prefix .ci/eslint && .ci/eslint/node_modules/.bin/eslint --max-warnings 0 -c .ci/eslint/eslint.config.mjs overrides/assets/javascripts scripts/govcat/site/live.js
// The scripts are classic browser scripts (no modules, no build step), each one function that
// runs in strict mode and shares only window.catalog (site.js).
import js from "@eslint/js";

// The browser's globals the scripts use; any other free name is a mistake.
const browser = Object.fromEntries([
  "window", "document", "location", "history", "localStorage", "console", "setTimeout", "clearTimeout",
  "URL", "URLSearchParams", "CustomEvent", "NodeFilter", "TextEncoder", "Blob", "fetch",
].map((name) => [name, "readonly"]));

export default [
  { ignores: ["overrides/assets/javascripts/vendor/"] },
  js.configs.recommended,
  {
    files: ["overrides/assets/javascripts/**/*.js", "scripts/govcat/site/live.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "script", globals: browser },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      strict: ["error", "function"],
      eqeqeq: ["error", "always"],
      "no-implicit-globals": "error",
      "no-shadow": "error",
      "no-use-before-define": ["error", { functions: false }],
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-script-url": "error",
      "no-throw-literal": "error",
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      // Record text is data: it goes into the page as text, never as markup (README).
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Use textContent: record text is never markup." },
        { property: "outerHTML", message: "Use textContent: record text is never markup." },
        { property: "insertAdjacentHTML", message: "Build elements and set textContent." },
        { object: "document", property: "write", message: "Build elements and set textContent." },
      ],
    },
  },
];

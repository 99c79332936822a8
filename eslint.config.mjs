// ESLint for Huddle's own browser scripts (`make lint`): the recommended rules, with each file's
// globals (a page, the scoring worker, the service worker) and kind (module or classic script).
import js from "@eslint/js";
import globals from "globals";

const ASSETS = "theme/assets/huddle";

export default [
  js.configs.recommended,
  {
    files: [`${ASSETS}/**/*.js`],
    languageOptions: { ecmaVersion: 2024, sourceType: "module", globals: globals.browser },
  },
  {
    // Loaded with a plain <script> tag: no imports, and their top-level names are the page's.
    files: [`${ASSETS}/workers.js`, `${ASSETS}/search-on-demand.js`, `${ASSETS}/shortcuts.js`, `${ASSETS}/material/*.js`],
    languageOptions: { sourceType: "script" },
  },
  {
    files: [`${ASSETS}/worker.js`], // the scoring worker, a module worker
    languageOptions: { globals: globals.worker },
  },
  {
    files: [`${ASSETS}/offline.js`], // the service worker, a classic script
    languageOptions: { sourceType: "script", globals: globals.serviceworker },
  },
];

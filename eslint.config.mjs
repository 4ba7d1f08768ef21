import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-*/**", "node_modules/**", ".data/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "bench-results/**"]),
  {
    rules: {
      // Only lib/env.ts reads the environment (HOUSE-STYLE §6); scripts and tests are tooling and may.
      "no-restricted-properties": "off",
    },
  },
  {
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/env.ts", "lib/db/migrate.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: "Read configuration through lib/env.ts." },
      ],
    },
  },
  {
    // Next loads these by path at run time: plain CommonJS, outside the bundle, before lib/env exists
    // (cache-handlers/README.md). The process.env rule above covers app/, components/ and lib/ only.
    files: ["cache-handlers/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Playwright fixtures receive a `use` callback that is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Only the data layer touches the database (HOUSE-STYLE "Where things live" §1): no Prisma client, generated type
    // or raw PostgreSQL driver anywhere else, so every query sits where its authorization check is.
    files: ["app/**", "components/**", "lib/**", "proxy.ts"],
    ignores: ["lib/data/**", "lib/db/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/lib/(db|generated)|(\\.{1,2}/)+(lib/)?(db|generated))(/|$)|^@prisma/|^pg(-[a-z-]+)?(/|$)",
              message: "Only lib/data (and lib/db) touch the database: call a lib/data function instead.",
            },
          ],
        },
      ],
    },
  },
]);

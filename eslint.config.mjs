import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // One clock (lib/clock.ts): a rule that read the wall clock itself could be compared with a simulated day.
    files: ["lib/**/*.ts", "app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "proxy.ts", "auth.ts"],
    ignores: ["lib/clock.ts", "**/*.test.ts", "lib/security/http-harness.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Read the time from lib/clock.ts (now/today)." },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Read the time from lib/clock.ts (now/today)." },
      ],
    },
  },
  { ignores: [".next/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "public/sw.js"] },
];

export default config;

// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * Layering, one layer per folder: internal -> schema -> catalogue -> rules -> classify -> staging
 * -> fills -> report -> fhir | omop -> udf -> cli (fhir and omop are adapters side by side: neither imports the
 * other, see below). A layer imports only from the layers before it (never a later one),
 * and nothing outside src/cli and examples does I/O or reads the clock. test/layers.test.ts also
 * fails on any import cycle between files.
 */
const layers = [["internal"], ["schema"], ["catalogue"], ["rules"], ["classify"], ["staging"], ["fills"], ["report"], ["fhir", "omop"], ["udf"], ["cli"]];
const layerRules = layers.flatMap((group, i) => group.map((layer) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          ...(i === layers.length - 1
            ? []
            : [
                {
                  group: layers.slice(i + 1).flat().flatMap((higher) => [`../${higher}`, `../${higher}/*`, `../../${higher}/*`]),
                  message: "Lower layers never import higher ones (internal -> schema -> catalogue -> rules -> classify -> staging -> fills -> report -> fhir | omop -> udf -> cli).",
                },
              ]),
          // Adapters in one group never import each other: what they share lives in a lower layer.
          ...group
            .filter((other) => other !== layer)
            .map((other) => ({ group: [`../${other}`, `../${other}/*`], message: "The fhir and omop adapters are side by side: move what they share to a lower layer." })),
          ...(layer === "cli"
            ? []
            : [{ group: ["node:*", "fs", "path", "os", "worker_threads"], message: "I/O lives only in src/cli/ and examples/." }]),
        ],
      },
    ],
  },
})));

export default tseslint.config(
  { ignores: ["dist/**", "docs/api/**", "node_modules/**", "coverage/**", ".tmp/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      eqeqeq: ["error", "always"],
      // `interface Trial extends z.output<typeof TrialSchema> {}`: the type stays inferred from the
      // schema, and has a name that signatures (and typedoc) show instead of its expansion.
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
    },
  },
  {
    files: ["src/**/*.ts"],
    ignores: ["src/cli/**"],
    rules: {
      "no-restricted-globals": ["error", { name: "process", message: "The core is pure: no environment access." }],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "The core never reads the clock: the caller passes asOf." },
        { object: "Math", property: "random", message: "The core is deterministic." },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "The core never reads the clock." },
      ],
    },
  },
  ...layerRules,
);

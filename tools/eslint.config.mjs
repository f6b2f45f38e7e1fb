import baseConfig from "../eslint.config.mjs";

const [level, boundaries] = baseConfig.find((entry) => entry.rules?.["@nx/enforce-module-boundaries"]).rules["@nx/enforce-module-boundaries"];

export default [
    ...baseConfig,
    {
        // A project of its own, linted with its own configuration.
        ignores: ["workspace-plugin/**"]
    },
    {
        // The OpenAPI writer, the in-process benches and the stage-switch API run the server's own code: the only imports of
        // another project from here (the project lists server as an implicit dependency).
        files: ["openapi/*.ts", "bench/*.bench.ts", "bench/request-stages-server.ts"],
        rules: {
            "@nx/enforce-module-boundaries": [level, { ...boundaries, allow: [...boundaries.allow, "^\\.\\./\\.\\./server/(src|test/support)/"] }]
        }
    },
    {
        files: ["**/*.spec.mjs"],
        languageOptions: { globals: { describe: "readonly", it: "readonly", expect: "readonly", beforeAll: "readonly", afterAll: "readonly" } }
    }
];

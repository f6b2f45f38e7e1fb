import baseConfig from "../eslint.config.mjs";

const [level, boundaries] = baseConfig.find((entry) => entry.rules?.["@nx/enforce-module-boundaries"]).rules["@nx/enforce-module-boundaries"];

export default [
    ...baseConfig,
    {
        // Written by ng-openapi-gen (npm run openapi), never by hand.
        ignores: ["src/generated/**"]
    },
    {
        // The client-vs-server test boots the real API: the one import of the server from this project.
        files: ["src/**/*.spec.ts"],
        rules: {
            "@nx/enforce-module-boundaries": [level, { ...boundaries, allow: [...boundaries.allow, "^\\.\\./\\.\\./server/test/support/test-app$"] }]
        }
    }
];

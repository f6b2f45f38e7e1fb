import nx from "@nx/eslint-plugin";
import baseConfig from "../eslint.config.mjs";
import { noCrossFeatureImports } from "./eslint-rules/no-cross-feature-imports.mjs";

export default [
    ...nx.configs["flat/angular"],
    ...nx.configs["flat/angular-template"],
    ...baseConfig,
    {
        files: [
            "**/*.ts"
        ],
        plugins: {
            client: { rules: { "no-cross-feature-imports": noCrossFeatureImports } }
        },
        rules: {
            "@angular-eslint/directive-selector": [
                "error",
                {
                    type: "attribute",
                    prefix: "app",
                    style: "camelCase"
                }
            ],
            // Each feature is one lazy route: what two features share lives in shared/ or core/.
            "client/no-cross-feature-imports": "error",
            "@angular-eslint/component-selector": [
                "error",
                {
                    type: "element",
                    prefix: "app",
                    style: "kebab-case"
                }
            ]
        }
    },
    {
        files: [
            "**/*.html"
        ],
        // Override or add rules here
        rules: {}
    }
];

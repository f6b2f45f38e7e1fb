import nx from "@nx/eslint-plugin";

export default [
    ...nx.configs["flat/base"],
    ...nx.configs["flat/typescript"],
    ...nx.configs["flat/javascript"],
    {
        ignores: [
            "**/dist",
            "**/out-tsc"
        ]
    },
    {
        files: [
            "**/*.ts",
            "**/*.tsx",
            "**/*.js",
            "**/*.jsx"
        ],
        rules: {
            "@nx/enforce-module-boundaries": [
                "error",
                {
                    enforceBuildableLibDependency: true,
                    allow: [
                        "^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$"
                    ],
                    // Scope: who may depend on whom; scope:shared is the generated API client (openapi).
                    // Type: no list names type:app, so nothing may import an app (the rule also refuses imports
                    // of application projects, and relative imports into any other project, on its own).
                    depConstraints: [
                        {
                            sourceTag: "scope:client",
                            onlyDependOnLibsWithTags: ["scope:client", "scope:shared"]
                        },
                        {
                            sourceTag: "scope:server",
                            onlyDependOnLibsWithTags: ["scope:server", "scope:shared"]
                        },
                        {
                            sourceTag: "scope:shared",
                            onlyDependOnLibsWithTags: ["scope:shared"]
                        },
                        {
                            sourceTag: "scope:tools",
                            onlyDependOnLibsWithTags: ["scope:tools", "scope:shared"]
                        },
                        {
                            sourceTag: "type:app",
                            onlyDependOnLibsWithTags: ["type:api-client"]
                        },
                        {
                            sourceTag: "type:api-client",
                            onlyDependOnLibsWithTags: ["type:api-client"]
                        },
                        {
                            sourceTag: "type:plugin",
                            onlyDependOnLibsWithTags: ["type:plugin", "type:api-client"]
                        },
                        {
                            // deploy/: manifests and the tests that read them; they import no project.
                            sourceTag: "type:config",
                            onlyDependOnLibsWithTags: ["type:config"]
                        }
                    ]
                }
            ]
        }
    },
    {
        files: [
            "**/*.ts",
            "**/*.tsx",
            "**/*.cts",
            "**/*.mts",
            "**/*.js",
            "**/*.jsx",
            "**/*.cjs",
            "**/*.mjs"
        ],
        // Override or add rules here
        rules: {}
    }
];

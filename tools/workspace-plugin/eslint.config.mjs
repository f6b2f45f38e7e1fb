import baseConfig from "../../eslint.config.mjs";

export default [
    ...baseConfig,
    {
        // EJS templates of the code the generators write; that code is linted where it lands.
        ignores: ["src/generators/*/files/**"]
    }
];

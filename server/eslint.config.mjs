import baseConfig from "../eslint.config.mjs";

export default [
    ...baseConfig,
    {
        // HLS media: its .ts files are MPEG transport stream segments, not TypeScript.
        ignores: ["media/**"]
    }
];

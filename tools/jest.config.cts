// The scripts are ES modules run by plain Node: their specs are too (.spec.mjs, loaded untransformed;
// the test target sets --experimental-vm-modules). The OpenAPI scripts are TypeScript run by ts-node
// (CommonJS), and so are their specs. tools/workspace-plugin is a project of its own.
module.exports = {
  displayName: 'tools',
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['mjs', 'ts', 'js', 'json'],
  testMatch: ['<rootDir>/**/*.spec.mjs', '<rootDir>/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/workspace-plugin/'],
  coverageDirectory: '../coverage/tools',
};

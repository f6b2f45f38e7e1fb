// The scripts are ES modules run by plain Node: their specs are too (.spec.mjs, loaded untransformed;
// the test target sets --experimental-vm-modules). tools/workspace-plugin is a project of its own.
module.exports = {
  displayName: 'tools',
  testEnvironment: 'node',
  transform: {},
  moduleFileExtensions: ['mjs', 'js', 'json'],
  testMatch: ['<rootDir>/**/*.spec.mjs'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/workspace-plugin/'],
  coverageDirectory: '../coverage/tools',
};

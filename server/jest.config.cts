module.exports = {
  displayName: 'server',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  // Finds out whether the PostgreSQL server suites can run, and says so when they cannot.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/test/support/after-each-file.ts'],
  // API tests boot the app on a database (a copy of a template, or a fresh one on the server) per
  // test; on a busy two-core machine that can take longer than Jest's five-second default.
  testTimeout: 30_000,
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }]
  },
  // The tools' .mjs files (the cluster, the web headers) are ES modules Node runs as written.
  transformIgnorePatterns: ['/node_modules/', '\\.mjs$'],
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../coverage/server'
};

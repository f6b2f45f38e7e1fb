module.exports = {
  displayName: 'openapi',
  preset: '../jest.preset.js',
  // The generated client talks to a real server in this process, through Node's fetch.
  testEnvironment: 'node',
  transform: {
    // Angular ships ES modules only; jest-preset-angular turns them and the TypeScript into CommonJS.
    '^.+\\.(ts|mjs|js)$': ['jest-preset-angular', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  transformIgnorePatterns: ['node_modules/(?!.*\\.mjs$)'],
  moduleFileExtensions: ['ts', 'mjs', 'js', 'json'],
  coverageDirectory: '../coverage/openapi',
};

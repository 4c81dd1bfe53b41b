/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // office-addin-mock → office-addin-manifest pulls in ES-only packages; it needs one enum.
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/test/addin/taskpane/office-addin-manifest.stub.js' },
  testTimeout: 60000,
};

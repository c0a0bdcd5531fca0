// One jest run, six projects: pure unit tests; the HTTP tests on SQLite and again on PostgreSQL;
// the admin UI in jsdom; real-browser journeys in Chromium; a small run of the benchmark.
// Projects whose service is missing (a PostgreSQL server, Chromium) say so and skip.
const ts = ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true, jsx: 'react-jsx' }, diagnostics: false }];
const base = {
  transform: { '^.+\\.[cm]?[tj]sx?$': ts },
  // react-admin's dependencies include some ESM-only packages, which jest must transform.
  transformIgnorePatterns: ['/node_modules/(?!(react-hotkeys-hook|@tanstack/react-query)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'cjs', 'mjs', 'json'],
};

module.exports = {
  testTimeout: 30000,
  projects: [
    { ...base, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/test/{config,server}/**/*.test.ts'], testPathIgnorePatterns: ['\\.db\\.test\\.ts$'] },
    { ...base, displayName: 'sqlite', testEnvironment: 'node', testMatch: ['<rootDir>/test/**/*.db.test.ts'], setupFiles: ['<rootDir>/test/support/dialect-sqlite.cjs'] },
    {
      ...base,
      displayName: 'postgres',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.db.test.ts'],
      setupFiles: ['<rootDir>/test/support/dialect-postgres.cjs'],
      globalSetup: '<rootDir>/test/support/postgres-available.cjs',
    },
    {
      ...base,
      displayName: 'admin',
      testEnvironment: '<rootDir>/test/support/jsdom-environment.cjs',
      testMatch: ['<rootDir>/test/admin/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/test/support/admin-setup.ts'],
    },
    // The benchmark end to end on a few hundred rows: every figure present, never a speed assertion.
    { ...base, displayName: 'bench', testEnvironment: 'node', testMatch: ['<rootDir>/test/bench/**/*.test.ts'] },
    {
      ...base,
      displayName: 'browser',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/chromium-available.cjs',
    },
  ],
};

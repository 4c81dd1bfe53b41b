// ESLint flat config. The one rule that matters most: shared/ stays pure so the same engine
// runs in Excel, a browser and Azure Functions.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'build/**', 'dist/**', 'functions/dist/**', 'coverage/**', 'test-artifacts/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*'], message: 'shared/ must stay pure: no node: imports.' },
          { group: ['@azure/*'], message: 'shared/ must stay pure: no Azure SDK imports.' },
          { group: ['office-js', '@microsoft/office-js', 'office-addin-*'], message: 'shared/ must stay pure: no Office.js.' },
          { group: ['fs', 'path', 'crypto', 'stream', 'os', 'http', 'https', 'zlib', 'buffer', 'child_process'], message: 'shared/ must stay pure: no Node built-ins.' },
          { group: ['../addin/*', '../functions/*', '../../addin/*', '../../functions/*', '../../../addin/*', '../../../functions/*'], message: 'shared/ must not depend on the edges.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'Office', message: 'shared/ must stay pure: no Office.js.' },
        { name: 'Excel', message: 'shared/ must stay pure: no Office.js.' },
        { name: 'process', message: 'shared/ must stay pure: no Node globals.' },
        { name: 'Buffer', message: 'shared/ must stay pure: use Uint8Array.' },
      ],
    },
  },
);

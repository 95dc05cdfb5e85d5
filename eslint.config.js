import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { boundariesPlugin } from './eslint/boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/**', 'var/**', 'tmp/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // Module boundaries (docs/modules.md): platform/ imports no app code; modules meet only at each other's index.ts.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { egov: boundariesPlugin },
    rules: { 'egov/module-boundaries': 'error' },
  },
  {
    files: ['scripts/**', 'bin/**', 'bench/**', 'e2e/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);

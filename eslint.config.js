import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'src/server/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // A file a newcomer reads at a glance; split by concept before it grows past this.
      'max-lines': ['error', { max: 450, skipBlankLines: true, skipComments: true }],
    },
  },
  { files: ['src/cli/**', 'bench/**', 'bin/**', 'e2e/**', 'scripts/**'], rules: { 'no-console': 'off' } },
  {
    // Test support has one home: a `testing/` folder (fixture data under `testing/fixtures/`). Tests, e2e/ and bench/
    // may import it; the application may not, nor the test runner.
    files: ['src/**', 'bin/**', 'scripts/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vitest', message: 'Only tests and testing/ folders use the test runner.' }],
          patterns: [
            {
              regex: '(^|/)testing(/|$)',
              message: 'Test support (a testing/ folder) is for tests only: production code may not import it.',
            },
          ],
        },
      ],
    },
  },
);

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
      'max-lines': ['error', { max: 600, skipBlankLines: true, skipComments: true }],
    },
  },
  { files: ['src/cli/**', 'bench/**', 'bin/**', 'e2e/**', 'scripts/**'], rules: { 'no-console': 'off' } },
);

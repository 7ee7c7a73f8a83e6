import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { readdirSync } from 'node:fs';

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
  {
    files: ['src/cli/**', 'src/server/modules/*/cli.ts', 'bench/**', 'bin/**', 'e2e/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
  // Production code (not tests, not testing/ folders) keeps two boundaries; the rule's options are written once per
  // file set, since a later block replaces an earlier one's options for the same rule.
  ...boundaries(),
);

/**
 * 1. Test support has one home: a `testing/` folder (fixture data under `testing/fixtures/`). Tests, e2e/ and bench/
 *    may import it; the application may not, nor the test runner.
 * 2. A server module uses another only through its public surface, `modules/<name>/index.ts` (the module list,
 *    modules/index.ts, reads each module's `module.ts`; the command line, src/cli/commands.ts, its `cli.ts`). The
 *    web is exempt: it types API answers from the services.
 */
function boundaries() {
  // Every folder under src/server/modules is a module: a new one is bound by these rules without a line here.
  const modules = readdirSync(new URL('./src/server/modules', import.meta.url), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const production = { ignores: ['**/*.test.ts', '**/*.test.tsx', '**/testing/**'] };
  const testing = {
    regex: '(^|/)testing(/|$)',
    message: 'Test support (a testing/ folder) is for tests only: production code may not import it.',
  };
  const surface = (others) => ({
    regex: `^(\\.\\./)+(${others.join('|')})/(?!index\\.js$)`,
    message: "Use the other module's public surface (its index.ts), not its files.",
  });
  const rule = (...patterns) => ({
    'no-restricted-imports': [
      'error',
      { paths: [{ name: 'vitest', message: 'Only tests and testing/ folders use the test runner.' }], patterns },
    ],
  });
  return [
    { files: ['src/**', 'bin/**', 'scripts/**'], ...production, rules: rule(testing) },
    {
      files: ['src/server/**', 'src/cli/**', 'src/tools/**'],
      ignores: [...production.ignores, 'src/server/modules/**', 'src/cli/commands.ts'],
      rules: rule(testing, {
        regex: `/modules/(${modules.join('|')})/(?!index\\.js$)`,
        message: "Use the module's public surface (modules/<name>/index.ts), not its files.",
      }),
    },
    ...modules.map((name) => ({
      files: [`src/server/modules/${name}/**`],
      ...production,
      // The platform's outbox (src/server/mail) is used through its index.ts like a module.
      rules: rule(testing, surface([...modules.filter((m) => m !== name), 'mail'])),
    })),
  ];
}

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The modules under src/ that meet only through their index.ts. */
const MODULES = ['beheer', 'bekostiging', 'berichten', 'bron', 'conformance', 'health', 'klok', 'oauth', 'rio', 'rod'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'openapi/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', URL: 'readonly', URLSearchParams: 'readonly', fetch: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-restricted-imports': [
        'error',
        {
          // Every module, every file of it but its index: `../rod` is fine, `../rod/rod.errors` or `../../rod/rules/datum` is not.
          patterns: [
            {
              group: MODULES.flatMap((m) => [`**/${m}/*`, `!**/${m}/index`, `!**/${m}/index.js`]),
              message: 'Import another module only through its index.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // The schema list names every entity of every module by design; tests and benchmarks reach inside too.
    files: ['test/**/*.ts', 'src/**/*.spec.ts', 'src/bench/**/*.ts', 'src/database/schema.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);

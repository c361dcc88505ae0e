// @ts-check
// npm run lint: type-aware rules over src/, scripts/, test/ and bin/ (README, Development).
import js from '@eslint/js';
import regexp from 'eslint-plugin-regexp';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'coverage/', '.bench/', '.scratch/', 'fixtures/', 'src/trackers/schema-validator.generated.ts', 'src/check/*.generated.ts'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      // tsconfig.eslint.json adds test/ to the build's tsconfig, so tests are linted with types too.
      parserOptions: { project: './tsconfig.eslint.json', tsconfigRootDir: import.meta.dirname },
    },
    plugins: { regexp },
    rules: {
      // The engineering guide: linear time on attacker-controlled text, no backtracking regular expressions.
      'regexp/no-super-linear-backtracking': 'error',
      // `!= null` is the idiom for null-or-undefined; anything else loose is a bug.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Counts and sizes fill our messages; a number in a template is how they are written.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => void work()` shorthands, and `return next(token)` from a void function: how the tree builder hands a token on (the HTML standard's "reprocess").
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true }],
      // Without noUncheckedIndexedAccess, record, index and regex-group reads are typed as present, so this rule asks us to delete guards on adversarial input.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // A `!` on a lookup that the line before proved present says more than a dead branch would.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Finding control characters in untrusted text is what those expressions are for (safe-text.ts, the redaction tests).
      'no-control-regex': 'off',
      // `_` marks a parameter or a destructured part left out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // The engineering guide: src/ writes through the streams run() is given, so tests see all output and stdout holds only the report.
      'no-console': 'error',
      // The engineering guide: set process.exitCode and let pending writes finish.
      'no-restricted-properties': ['error', { object: 'process', property: 'exit', message: 'Set process.exitCode instead (engineering guide, exit codes).' }],
      // `list.push(...items)`, `Math.max(...values)`: each item is an argument, on the stack, and a
      // message decides how many some lists hold (300,000 query parameters overflowed it:
      // test/long-argument-lists.test.ts). Loop instead. Forwarding a call's own arguments is the exception, marked where it is done.
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression > SpreadElement', message: 'No spread arguments in src/: past ~120,000 items they overflow the stack. Use a loop (or reduce for Math.max/min).' },
        { selector: 'NewExpression > SpreadElement', message: 'No spread arguments in src/: past ~120,000 items they overflow the stack. Use a loop.' },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read the JSON the CLI printed as `any` on purpose: a wrong shape fails the expect, which is the check.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Async generators with no await stand in for the streams the readers take, and checkProperty takes async properties.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);

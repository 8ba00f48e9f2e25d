import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * One lint config for the whole monorepo. Type-aware rules stay off: `tsc -b` already checks
 * types in `npm test`, and linting without them keeps `npm run lint` to seconds on two cores.
 */
export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.next/**', 'hosting/out/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_`-prefixed names are deliberately unused (required parameters of a callback signature).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // A `let` assigned once after closures that read it (late-bound servers) is not a const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
);

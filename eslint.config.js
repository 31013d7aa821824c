import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  // .scratch/ holds local experiments, reports/ and .stryker-tmp/ are Stryker's; like dist/ they are
  // git-ignored and never committed.
  { ignores: ['dist/', 'coverage/', 'node_modules/', '.scratch/', 'reports/', '.stryker-tmp/', 'bench/.build/', '.bench-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Response: 'readonly' } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
)

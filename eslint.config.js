import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';

export default tseslint.config(
  { ignores: ['node_modules/**', 'studio/dist/**', 'data/**', 'coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  // Type-aware rules everywhere: every promise is awaited or handled.
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['*.config.ts', 'studio/vite.config.ts', 'studio/bench/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  // Product code: `any` does not leak into typed code (tests read JSON bodies loosely on purpose).
  {
    files: ['server/**/*.ts', 'studio/src/**/*.ts', 'studio/src/**/*.tsx', 'scripts/**/*.ts', 'seed/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
    },
  },
  // The studio: the rules of hooks and accessibility basics.
  {
    files: ['studio/src/**/*.tsx', 'studio/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  { files: ['studio/src/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  {
    files: ['*.config.js', '*.config.ts', 'studio/vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);

// ESLint flat config: the recommended rules of ESLint and typescript-eslint (syntax only, no type
// information, so linting the whole repository takes seconds), tuned where the code has a reason.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Generated or installed: lib/ from tsc, dist/ from ncc.
  globalIgnores(['node_modules/', 'lib/', 'dist/', 'coverage/', 'recon-out/', '.cache/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: globals.node,
    },
    rules: {
      // `_name` marks a binding kept on purpose (a field left out of a rest object, a callback's position).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Escaping and sanitising code matches control characters on purpose.
      'no-control-regex': 'off',
      // New in ESLint 10's recommended set; a warning until the code base has caught up.
      'preserve-caught-error': 'warn',
    },
  },
);

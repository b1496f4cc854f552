// ESLint for the TypeScript under ../frontend: ESLint's and typescript-eslint's recommended rules, with type
// information (the same tsconfig.json as the type check). Paths are relative to the project root, where `npm run
// lint` runs ESLint (ESLint only lints files under the folder it runs in); the Maven build runs it too.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['frontend/generated/**'],
  },
  {
    files: ['frontend/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      globals: globals.browser,
      parserOptions: {
        project: './tsconfig.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
);

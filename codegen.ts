import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen`: typed documents for the example client, from the API schema `npm run compose`
 * writes (schema/public.graphql) — no introspection needed, as production has none.
 */
const config: CodegenConfig = {
  schema: 'schema/public.graphql',
  documents: ['examples/**/*.ts', '!examples/gql/**'],
  generates: {
    'examples/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, onlyOperationTypes: true, scalars: { DateTimeISO: 'string' } },
    },
  },
  silent: true,
};

export default config;

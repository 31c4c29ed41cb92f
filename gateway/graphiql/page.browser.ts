// The GraphiQL page the gateway serves, bundled by esbuild from npm packages (bundle.ts): nothing is
// fetched from anywhere but this gateway. Browser code, outside the Node type-check.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { buildSchema } from 'graphql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/graphiql.css';

const EXAMPLE = `# Set your token in the Headers tab below: { "Authorization": "Bearer <token>" }
# (npm run token -- --agency <USCC> --role AGENCY_USER)
{
  viewer { agency { name } level }
  platforms { level name }
}
`;

async function main() {
  const params = new URLSearchParams(window.location.search);
  // The client schema `npm run compose` writes: GraphiQL needs no introspection (off in production).
  const schema = buildSchema(await (await fetch('/graphiql/schema.graphql')).text());
  const fetcher = createGraphiQLFetcher({ url: '/graphql' });
  createRoot(document.getElementById('graphiql')!).render(
    createElement(GraphiQL, {
      fetcher,
      schema,
      defaultQuery: EXAMPLE,
      query: params.get('query') ?? undefined,
      headers: params.get('headers') ?? undefined,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: true,
      defaultEditorToolsVisibility: 'headers',
    }),
  );
}

void main();

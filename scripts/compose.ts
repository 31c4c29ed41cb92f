import '../gateway/no-phone-home';
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeFromCode } from '../gateway/compose';
import { loadConfig } from '../subgraphs/kernel/config';

/**
 * `npm run compose`: prints each subgraph's SDL from the code into schema/, composes the
 * supergraph the gateway loads, and writes the API schema clients see (schema/public.graphql). Uses the default loopback URLs so the output does not depend on
 * the environment; running it twice changes nothing.
 */
async function main() {
  const config = loadConfig({});
  const composition = await composeFromCode(config);
  const dir = path.join(__dirname, '..', 'schema');
  for (const subgraph of composition.subgraphs) writeFileSync(path.join(dir, `${subgraph.name}.graphql`), subgraph.sdl.trimEnd() + '\n');
  writeFileSync(path.join(dir, 'supergraph.graphql'), composition.supergraphSdl.trimEnd() + '\n');
  writeFileSync(path.join(dir, 'public.graphql'), composition.publicSdl.trimEnd() + '\n');
  for (const hint of composition.hints) console.log(`hint: ${hint}`);
  console.log(`composed ${composition.subgraphs.map((s) => s.name).join(', ')} into schema/supergraph.graphql and schema/public.graphql (${composition.hints.length} hints)`);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});

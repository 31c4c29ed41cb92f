import './no-phone-home';
import 'reflect-metadata';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse, printSchema } from 'graphql';
import { PlatformConfig } from '../subgraphs/kernel/config';
import { LEVELS, SUBGRAPH_NAME } from '../subgraphs/kernel/levels';
import { buildLevelSchema } from '../subgraphs/kernel/server/subgraph-server';
import { LEVEL_DEFINITIONS } from '../subgraphs/levels';

export interface Composition {
  subgraphs: { name: string; url: string; sdl: string }[];
  supergraphSdl: string;
  /** The API a client sees: no join__/federation directives, no @inaccessible fields (for codegen without introspection). */
  publicSdl: string;
  hints: string[];
}

/** Prints every level's subgraph SDL from the code and composes them; composition errors throw. */
export async function composeFromCode(config: Pick<PlatformConfig, 'subgraphs'>): Promise<Composition> {
  const subgraphs = [];
  for (const level of LEVELS) {
    const schema = await buildLevelSchema(LEVEL_DEFINITIONS[level]);
    subgraphs.push({ name: SUBGRAPH_NAME[level], url: config.subgraphs[level].url, sdl: printSubgraphSchema(schema) });
  }
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  const publicSdl = printSchema(result.schema.toAPISchema().toGraphQLJSSchema());
  return { subgraphs, supergraphSdl: result.supergraphSdl, publicSdl, hints: result.hints.map((h) => h.toString()) };
}

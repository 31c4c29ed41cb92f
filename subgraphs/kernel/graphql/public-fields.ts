import { defaultFieldResolver, GraphQLFieldResolver, GraphQLSchema, isIntrospectionType, isObjectType } from 'graphql';
import { agencyTokenRequired, isPublic } from '../auth/caller';
import type { RequestContext } from '../context';

/**
 * Fields a public caller may select, as `Type.field` coordinates (an interface's coordinate covers
 * its implementations, `Type.*` every field of a type). A level serves the coordinates its schema
 * has (test/public/open-fields.test.ts checks each names a field of the API). `_entities` is how the
 * gateway reaches a level at all; what it returns is guarded field by field like everything else.
 */
const ALWAYS_OPEN = ['Query._entities', 'PageInfo.*'];

/**
 * Every other field of the schema refuses a public caller with UNAUTHENTICATED at its own path, before
 * its resolver runs — on every path a field can be reached by: root fields, `_entities`, aliases,
 * fragments. The open fields still decide what they release (records by the item's open type); an
 * agency's request passes through unchanged.
 */
export function guardFieldsForPublic(schema: GraphQLSchema, openCoordinates: readonly string[]): GraphQLSchema {
  const open = new Set([...ALWAYS_OPEN, ...openCoordinates]);
  const types = schema.getTypeMap();
  const isOpen = (typeName: string, fieldName: string, interfaces: readonly string[]) =>
    [typeName, ...interfaces].some((name) => open.has(`${name}.${fieldName}`) || open.has(`${name}.*`));
  for (const type of Object.values(types)) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    const interfaces = type.getInterfaces().map((i) => i.name);
    for (const field of Object.values(type.getFields())) {
      if (isOpen(type.name, field.name, interfaces)) continue;
      field.resolve = refusingPublic(field.resolve ?? defaultFieldResolver);
    }
  }
  return schema;
}

function refusingPublic(resolve: GraphQLFieldResolver<unknown, RequestContext>): GraphQLFieldResolver<unknown, RequestContext> {
  return (source, args, ctx, info) => {
    if (isPublic(ctx)) throw agencyTokenRequired(`${info.parentType.name}.${info.fieldName}`);
    return resolve(source, args, ctx, info);
  };
}

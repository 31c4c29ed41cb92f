import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Level } from '../levels';

const refs = new Map<string, Function>();

/**
 * The key-only view a level has of an entity another level owns (e.g. Jurisdiction at the city).
 * type-graphql attaches field resolvers to the class itself, not to the schema being built, so every
 * level must get its own class; all modules of one level share it.
 */
export function entityRef(typeName: string, keyField: string, level: Level): Function {
  const id = `${typeName}@${level}`;
  let ref = refs.get(id);
  if (!ref) {
    const Ref = class {};
    Object.defineProperty(Ref, 'name', { value: `${typeName}Ref${level}` });
    Reflect.defineMetadata('design:type', String, Ref.prototype, keyField);
    Field(() => ID)(Ref.prototype, keyField);
    Directive(`@key(fields: "${keyField}")`)(Ref);
    ObjectType(typeName)(Ref);
    refs.set(id, Ref);
    ref = Ref;
  }
  return ref;
}

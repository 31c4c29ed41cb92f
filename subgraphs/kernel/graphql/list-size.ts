import { Directive } from 'type-graphql';

/**
 * Demand control annotations (Federation 2.9 `@listSize` and `@cost`), read by the gateway from the
 * supergraph to estimate what an operation may cost before it runs (gateway/demand-control.ts).
 * Every list of objects says how long it may be: the argument that sets its page size, or the length
 * it is assumed to have; a connection names the list inside it that its page size sizes.
 */
export interface ListSizeArguments {
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
}

const list = (values: string[]) => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;

export function listSizeDirective(size: ListSizeArguments): string {
  const args: string[] = [];
  if (size.assumedSize !== undefined) args.push(`assumedSize: ${size.assumedSize}`);
  if (size.slicingArguments) args.push(`slicingArguments: ${list(size.slicingArguments)}`, 'requireOneSlicingArgument: false');
  if (size.sizedFields) args.push(`sizedFields: ${list(size.sizedFields)}`);
  return `@listSize(${args.join(', ')})`;
}

export const ListSize = (size: ListSizeArguments) => Directive(listSizeDirective(size));

/** A field that costs more to answer than the objects it returns (a recomputation, a verification). */
export const Cost = (weight: number) => Directive(`@cost(weight: ${weight})`);

/**
 * A cursor connection's size: `first` or `last` as asked, else the page a connection gives by default;
 * it sizes the connection's `edges` and `nodes`.
 */
export const ConnectionSize = (defaultSize: number) => ListSize({ slicingArguments: ['first', 'last'], sizedFields: ['edges', 'nodes'], assumedSize: defaultSize });

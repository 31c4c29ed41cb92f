/**
 * The shape of a subscription's pull: which items flow and how each is masked, as the source states
 * it with every page. The receiver's rows were written in one shape; when the source states another,
 * what the receiver may no longer hold is purged (target/sink.ts) and the purge audited at both ends.
 */
export type Shape = [item: string, maskRule: string | null][];

export const shapeOf = (items: readonly { item: string; maskRule: string | null }[]): string => JSON.stringify(items.map((d) => [d.item, d.maskRule]));

export const itemsOfShape = (shape: string): string[] => (JSON.parse(shape) as Shape).map(([item]) => item);

/** The items a shape no longer delivers as the held one did: gone, or masked otherwise. */
export function itemsDropped(heldShape: string | null, newShape: string): string[] {
  if (!heldShape) return [];
  const now = new Map((JSON.parse(newShape) as Shape).map(([item, mask]) => [item, mask]));
  return (JSON.parse(heldShape) as Shape).filter(([item, mask]) => !now.has(item) || now.get(item) !== mask).map(([item]) => item);
}

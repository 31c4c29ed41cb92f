import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEMO_AGENCIES } from '../subgraphs/modules/agency/demo-agencies';
import { CatalogState } from '../subgraphs/modules/catalog/enums';
import { CatalogIndexEntry } from '../subgraphs/modules/catalog/index-entry.entity';
import { indexEntryFor } from '../subgraphs/modules/catalog/index-report';
import { CatalogItem } from '../subgraphs/modules/catalog/item.entity';
import { CatalogResourceRow } from '../subgraphs/modules/catalog/resource.entity';

/**
 * Benchmark SETUP only: more published resources on one level, so that a catalog page can hold many
 * rows. Each copies a seeded published resource of that level (every column, whatever the entity
 * holds today) under a new id and code, with the level's agencies taking turns as providers.
 * Returns the index entries the region must hold for them, as a report would have delivered.
 */
export async function padCatalog(db: DataSource, count: number): Promise<CatalogIndexEntry[]> {
  const template = await db.getRepository(CatalogResourceRow).findOne({ where: { state: CatalogState.PUBLISHED }, order: { code: 'ASC' } });
  if (!template) throw new Error('no published resource to copy: is the demo catalog seeded?');
  const templateItems = await db.getRepository(CatalogItem).find({ where: { resourceId: template.id } });
  const providers = DEMO_AGENCIES.filter((a) => a.jurisdictionCode === template.jurisdictionCode);

  const copies = Array.from({ length: count }, (_, i) => {
    const id = randomUUID();
    const provider = providers[i % providers.length];
    const row = Object.assign(new CatalogResourceRow(), template, {
      id,
      lineageId: id,
      code: `${template.jurisdictionCode}-BENCH-${String(i + 1).padStart(4, '0')}`,
      providerUscc: provider.uscc,
      sourceDepartmentUscc: provider.uscc,
    });
    const items = templateItems.map((item) => Object.assign(new CatalogItem(), item, { id: randomUUID(), resourceId: id }));
    return { row, items };
  });
  await db.transaction(async (m) => {
    await m.insert(CatalogResourceRow, copies.map((c) => c.row));
    for (const { items } of copies) await m.insert(CatalogItem, items);
  });
  return copies.map(({ row, items }) => indexEntryFor(row, items));
}

export async function addIndexEntries(db: DataSource, entries: CatalogIndexEntry[]): Promise<void> {
  await db.getRepository(CatalogIndexEntry).insert(entries.map((entry) => Object.assign(new CatalogIndexEntry(), entry)));
}

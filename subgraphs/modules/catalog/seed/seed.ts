import { SeedContext } from '../../../kernel/module';
import { stableId, itemRows } from '../catalog.service';
import { CatalogState, DataForm } from '../enums';
import { CatalogIndexEntry } from '../index-entry.entity';
import { indexEntryFor } from '../index-report';
import { CatalogItem } from '../item.entity';
import { CatalogResourceRow } from '../resource.entity';
import { CatalogTransition } from '../transition.entity';
import { DEMO_CATALOG, DemoResource, demoProvider } from './demo-catalog';

/** Demo resources get the same id on every level (derived from their code), as a real report would carry. */
const SEEDED_AT = new Date('2026-03-02T02:00:00Z');

function demoRow(r: DemoResource): CatalogResourceRow {
  const id = stableId(`catalog/${r.code}/1`);
  return Object.assign(new CatalogResourceRow(), {
    id,
    lineageId: id,
    version: 1,
    code: r.code,
    name: r.name,
    summary: r.summary,
    dataForm: DataForm.TABLE,
    format: 'MySQL table',
    updateFrequency: r.updateFrequency,
    basicDatabase: r.basicDatabase,
    dataTable: r.dataTable,
    providerUscc: demoProvider(r),
    sourceDepartmentUscc: demoProvider(r),
    collectingDepartmentUscc: demoProvider(r),
    approvingDepartmentUscc: null,
    jurisdictionCode: r.jurisdictionCode,
    level: r.level,
    state: CatalogState.PUBLISHED,
    revisionTrigger: null,
    revisionTriggeredAt: null,
    submittedAt: SEEDED_AT,
    publishedAt: SEEDED_AT,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  });
}

/**
 * Each level stores its own published demo resources; the region also holds the integrated index
 * of all three levels, as if every level had reported its catalog (004 art. 10).
 */
export async function seedDemoCatalog({ level, db }: SeedContext): Promise<void> {
  if ((await db.getRepository(CatalogResourceRow).count()) > 0) return;
  const own = DEMO_CATALOG.filter((r) => r.level === level);
  await db.transaction(async (m) => {
    for (const r of own) {
      const row = demoRow(r);
      await m.insert(CatalogResourceRow, row);
      await m.insert(CatalogItem, itemRows(row.id, r.items));
      await m.insert(CatalogTransition, { resourceId: row.id, fromState: null, toState: CatalogState.PUBLISHED, actor: 'seed', actorAgency: row.providerUscc, reason: 'demo catalog', at: SEEDED_AT });
    }
    if (level === 'REGION') {
      const entries = DEMO_CATALOG.map((r) => {
        const row = demoRow(r);
        return indexEntryFor(row, itemRows(row.id, r.items));
      });
      await m.insert(CatalogIndexEntry, entries);
    }
  });
}

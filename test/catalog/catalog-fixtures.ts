import { randomUUID } from 'node:crypto';
import { DemoAgency } from '../../subgraphs/modules/agency/demo-agencies';
import { itemRows } from '../../subgraphs/modules/catalog/catalog.service';
import { CatalogState, DataForm, ItemDataType, NotOpenGrounds, OpenType, ShareMode, ShareType, UpdateFrequency } from '../../subgraphs/modules/catalog/enums';
import { DataItemInput } from '../../subgraphs/modules/catalog/graphql/inputs';
import { CatalogIndexEntry } from '../../subgraphs/modules/catalog/index-entry.entity';
import { indexEntryFor } from '../../subgraphs/modules/catalog/index-report';
import { CatalogItem } from '../../subgraphs/modules/catalog/item.entity';
import { CatalogResourceRow } from '../../subgraphs/modules/catalog/resource.entity';
import { GraphQLResponse, TestStack } from '../support/stack';

/** A data item as the API takes it; only what a test cares about needs saying. */
export type ItemSpec = Pick<DataItemInput, 'code' | 'name' | 'shareType' | 'openType'> & Partial<DataItemInput>;

/** What a NOT_OPEN item states (004 art. 27 (1)), unless a test says otherwise. */
export const NOT_OPENED_FOR_PRIVACY = { openGrounds: NotOpenGrounds.PERSONAL_PRIVACY, openLegalBasis: '《中华人民共和国个人信息保护法》第二十八条' };

export const unconditionalItem = (code: string, name: string, extra: Partial<DataItemInput> = {}): ItemSpec => ({
  code,
  name,
  dataType: ItemDataType.STRING,
  shareType: ShareType.UNCONDITIONAL,
  openType: OpenType.NOT_OPEN,
  ...((extra.openType ?? OpenType.NOT_OPEN) === OpenType.NOT_OPEN ? NOT_OPENED_FOR_PRIVACY : {}),
  ...extra,
});

export const conditionalItem = (code: string, name: string, extra: Partial<DataItemInput> = {}): ItemSpec =>
  unconditionalItem(code, name, {
    shareType: ShareType.CONDITIONAL,
    shareConditions: '用于本部门法定职责范围内的业务办理',
    shareReason: '涉及个人隐私',
    legalBasis: '《中华人民共和国个人信息保护法》第三十四条',
    ...extra,
  });

export const notSharedItem = (code: string, name: string, extra: Partial<DataItemInput> = {}): ItemSpec =>
  unconditionalItem(code, name, {
    shareType: ShareType.NOT_SHARED,
    shareReason: '属敏感个人信息，仅提供核验',
    legalBasis: '《中华人民共和国个人信息保护法》第二十八条',
    ...extra,
  });

/** A complete, valid CatalogResourceInput (as GraphQL variables) whose items follow 004 art. 21. */
export function resourceInput(name: string, items: ItemSpec[] = [unconditionalItem('record_no', '登记编号'), conditionalItem('holder_name', '持有人姓名')]) {
  return { name, summary: `${name}（测试用数据资源）`, dataForm: DataForm.TABLE, format: 'MySQL table', updateFrequency: UpdateFrequency.MONTHLY, items };
}

/** Fields of a level's own resource that the workflow tests read. */
export const RESOURCE_FIELDS = `id lineageId code version state name jurisdictionCode providerUscc submittedAt publishedAt revisionTrigger
  items { code name shareType shareConditions shareReason legalBasis openType }
  transitions { fromState toState actor actorAgency reason at }
  review { kind dueDay dueAt workingDays citation profile overdue remainingWorkingDays provisional }
  updateDeadline { kind dueDay workingDays citation startedAt }`;

/** The token subject stack.token() gives a demo agency's user holding exactly `role`. */
export const subjectOf = (agency: DemoAgency, role: 'AGENCY_USER' | 'AUTHORITY_REVIEWER') => `tester-${agency.uscc}-${role}`;

export { onlyError } from '../support/api';

export interface ResourceSetup {
  code: string;
  name?: string;
  provider: DemoAgency;
  state?: CatalogState;
  submittedAt?: Date | null;
  items?: ItemSpec[];
}

const SETUP_TIME = new Date('2026-03-02T02:00:00Z');

function setupRow(level: 'CITY' | 'COUNTY', setup: ResourceSetup): CatalogResourceRow {
  const id = randomUUID();
  const state = setup.state ?? CatalogState.PUBLISHED;
  const published = state === CatalogState.PUBLISHED;
  return Object.assign(new CatalogResourceRow(), {
    id,
    lineageId: id,
    version: 1,
    code: setup.code,
    name: setup.name ?? `测试数据资源 ${setup.code}`,
    summary: '测试准备的数据资源。',
    dataForm: DataForm.TABLE,
    format: 'MySQL table',
    updateFrequency: UpdateFrequency.MONTHLY,
    basicDatabase: null,
    providerUscc: setup.provider.uscc,
    sourceDepartmentUscc: setup.provider.uscc,
    collectingDepartmentUscc: null,
    approvingDepartmentUscc: null,
    jurisdictionCode: setup.provider.jurisdictionCode,
    level,
    state,
    revisionTrigger: null,
    revisionTriggeredAt: null,
    submittedAt: setup.submittedAt ?? (published ? SETUP_TIME : null),
    publishedAt: published ? SETUP_TIME : null,
  });
}

const asItemInputs = (items: ItemSpec[]) =>
  items.map((spec) => Object.assign(new DataItemInput(), { dataType: ItemDataType.STRING, description: '', shareMode: ShareMode.INTERFACE, maskedDeliveryOnly: false, ...spec }));

/**
 * Test SETUP only: writes resources straight into a level's database, as if they had gone through the
 * workflow, and enters the published ones in the region's integrated index as a report would.
 */
export async function insertResources(stack: TestStack, level: 'CITY' | 'COUNTY', setups: ResourceSetup[]): Promise<CatalogResourceRow[]> {
  const written = setups.map((setup) => {
    const row = setupRow(level, setup);
    return { row, items: itemRows(row.id, asItemInputs(setup.items ?? [unconditionalItem('record_no', '登记编号')])) };
  });
  await stack.subgraphs[level].db.transaction(async (m) => {
    // One row per insert: TypeORM 0.3 on SQLite re-reads the generated dates of a multi-row insert and
    // merges them back in key order, not insertion order, swapping the rows' ids.
    for (const { row, items } of written) {
      await m.insert(CatalogResourceRow, row);
      await m.insert(CatalogItem, items);
    }
  });
  const published = written.filter((w) => w.row.state === CatalogState.PUBLISHED);
  if (published.length) await stack.subgraphs.REGION.db.getRepository(CatalogIndexEntry).insert(published.map((w) => indexEntryFor(w.row, w.items)));
  return written.map((w) => w.row);
}

/** Item lists in the shape the catalog returns them, for comparison with a seed or setup. */
export const itemShape = (items: readonly ItemSpec[]) =>
  items.map((i) => ({
    code: i.code,
    name: i.name,
    shareType: i.shareType,
    shareConditions: i.shareConditions ?? null,
    shareReason: i.shareReason ?? null,
    legalBasis: i.legalBasis ?? null,
    openType: i.openType,
    maskRule: i.maskRule ?? null,
  }));

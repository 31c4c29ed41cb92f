import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, isInterfaceType, isObjectType } from 'graphql';
import { LEVELS, levelName } from '../../subgraphs/kernel/levels';
import { LEVEL_DEFINITIONS } from '../../subgraphs/levels';

/*
 * What the public may select is a list of field coordinates per module. A coordinate that names no
 * field (a typo, a rename) would silently leave a field closed — or, renamed back later, open — so
 * every one must name a field of the API every client sees.
 */
const api = buildSchema(readFileSync(path.join(__dirname, '..', '..', 'schema', 'public.graphql'), 'utf8'));

const coordinates = [...new Set(LEVELS.flatMap((level) => LEVEL_DEFINITIONS[level].modules.flatMap((m) => (m.openToPublic ?? []).map((c) => levelName(level, c)))))];

describe('fields open to the public (kernel/graphql/public-fields.ts)', () => {
  it('are declared', () => {
    expect(coordinates).toEqual(expect.arrayContaining(['Query.catalog', 'CatalogResource.records', 'RecordField.*', 'Mutation.fileCityOpenDataObjection']));
  });

  it.each(coordinates)('%s names a field of the public API', (coordinate) => {
    const [typeName, fieldName] = coordinate.split('.');
    const type = api.getType(typeName);
    expect(isObjectType(type) || isInterfaceType(type)).toBe(true);
    if (fieldName !== '*') expect(Object.keys((type as any).getFields())).toContain(fieldName);
  });

  it('never open what only agencies may see: share attributes, workflow, registries, audit', () => {
    for (const closed of ['DataItem.shareType', 'DataItem.legalBasis', 'CatalogResource.shareType', 'CatalogResource.shareScope', 'CatalogResource.transitions', 'CatalogFacets.shareType', 'Query.catalogReports', 'Query.viewer', 'Query.agency', 'Platform.auditTrail', 'OpenDataObjection.contact']) {
      expect(coordinates).not.toContain(closed);
    }
    expect(coordinates.filter((c) => c.endsWith('.*')).sort()).toEqual([
      'CatalogResourceConnection.*', 'CatalogResourceEdge.*', 'DataRecord.*', 'DataRecordConnection.*', 'DataRecordEdge.*', 'Deadline.*', 'RecordField.*',
      // Containers whose members are themselves guarded field by field (a resource, an item) or are counts.
      'FacetCount.*', 'OpenNegativeListConnection.*', 'OpenNegativeListEdge.*', 'OpenNegativeListEntry.*', 'OpenDataApplicationConnection.*', 'OpenDataApplicationEdge.*', 'DataQualityReportConnection.*', 'DataQualityReportEdge.*',
    ].sort());
  });
});

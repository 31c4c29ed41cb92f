import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer, GraphQLResponse } from '@apollo/server';
import type { Logger } from 'pino';
import type { PublicRateLimit } from './public-rate-limit';

/** Where the open catalog is published for harvesting (docs/open-data.md). */
export const DCAT_PATH = '/open-data/catalog.jsonld';

/** Resources per catalog page the export asks for: well inside the gateway's cost limit with their items. */
const PAGE_SIZE = 50;
/** A bound on the export's size: 20 000 resources. */
const MAX_PAGES = 400;

const OPEN_CATALOG = `query OpenCatalogExport($after: String) {
  catalog(first: ${PAGE_SIZE}, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { id code name summary level jurisdictionCode providerUscc sourceDepartmentUscc publishedAt format dataForm updateFrequency openType
      items { code name description openType openConditions } }
  }
}`;

interface OpenItem { code: string; name: string; description: string; openType: string; openConditions: string | null }
interface OpenResource {
  id: string; code: string; name: string; summary: string; level: string; jurisdictionCode: string; providerUscc: string; sourceDepartmentUscc: string | null;
  publishedAt: string | null; format: string | null; dataForm: string | null; updateFrequency: string | null; openType: string; items: OpenItem[] | null;
}

interface CatalogPage { catalog: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: OpenResource[] } }

/** The EU frequency vocabulary DCAT-AP uses for dct:accrualPeriodicity. */
const FREQUENCY: Record<string, string> = {
  REAL_TIME: 'UPDATE_CONT', DAILY: 'DAILY', WEEKLY: 'WEEKLY', MONTHLY: 'MONTHLY', QUARTERLY: 'QUARTERLY', YEARLY: 'ANNUAL', ON_CHANGE: 'IRREG',
};
const EU = 'http://publications.europa.eu/resource/authority/';

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

const zh = (value: string) => ({ '@value': value, '@language': 'zh' });

/**
 * The open catalog as a DCAT-AP catalogue in JSON-LD, for CKAN-style portals to harvest: one
 * dcat:Dataset per open resource (UNCONDITIONAL_OPEN: public access; CONDITIONAL_OPEN: restricted,
 * with the conditions), its distribution being this gateway's GraphQL endpoint. The context is inline,
 * so a harvester (and the test) needs no network to read it.
 */
export function dcatCatalog(base: string, resources: readonly OpenResource[]): object {
  const self = `${base}${DCAT_PATH}`;
  return {
    // The platform's own terms (open type, level) under its own address.
    '@context': { ...CONTEXT, platform: `${base}/open-data/terms#` },
    '@id': self,
    '@type': 'dcat:Catalog',
    'dct:title': zh('内蒙古自治区公共数据开放目录'),
    'dct:description': zh('自治区、盟市、旗县三级公共数据平台的开放目录：无条件开放与有条件开放的数据资源。'),
    'dct:publisher': { '@id': `${base}/#region-platform`, '@type': 'foaf:Agent', 'foaf:name': zh('内蒙古自治区公共数据平台') },
    'dct:language': { '@id': `${EU}language/ZHO` },
    'dcat:dataset': resources.map((resource) => dataset(base, self, resource)),
  };
}

function dataset(base: string, catalog: string, resource: OpenResource): object {
  const items = resource.items ?? [];
  const conditions = items.filter((item) => item.openType === 'CONDITIONAL_OPEN' && item.openConditions).map((item) => `${item.name}：${item.openConditions}`);
  return {
    '@id': `${catalog}#${encodeURIComponent(resource.code)}`,
    '@type': 'dcat:Dataset',
    'dct:identifier': resource.code,
    'dct:title': zh(resource.name),
    'dct:description': zh(resource.summary),
    'dct:publisher': { '@id': `urn:uscc:${resource.providerUscc}`, '@type': 'foaf:Agent', 'dct:identifier': resource.providerUscc },
    ...(resource.sourceDepartmentUscc ? { 'dct:creator': { '@id': `urn:uscc:${resource.sourceDepartmentUscc}` } } : {}),
    'dct:spatial': { '@id': `urn:cn:division:${resource.jurisdictionCode}` },
    ...(resource.publishedAt ? { 'dct:issued': { '@value': resource.publishedAt, '@type': 'xsd:dateTime' } } : {}),
    ...(resource.updateFrequency && FREQUENCY[resource.updateFrequency] ? { 'dct:accrualPeriodicity': { '@id': `${EU}frequency/${FREQUENCY[resource.updateFrequency]}` } } : {}),
    'dct:accessRights': { '@id': `${EU}access-right/${resource.openType === 'UNCONDITIONAL_OPEN' ? 'PUBLIC' : 'RESTRICTED'}` },
    ...(conditions.length ? { 'dct:rights': zh(conditions.join('；')) } : {}),
    'platform:openType': resource.openType,
    'platform:level': resource.level,
    'dcat:keyword': items.map((item) => zh(item.name)),
    'dcat:distribution': [{
      '@id': `${catalog}#${encodeURIComponent(resource.code)}-graphql`,
      '@type': 'dcat:Distribution',
      'dct:title': zh(`${resource.name}（GraphQL 接口）`),
      'dcat:accessURL': { '@id': `${base}/graphql` },
      'dct:format': resource.format ?? 'GraphQL',
      'dct:description': zh(`在 GraphQL 接口按目录编码 ${resource.code}（全局 id ${resource.id}）查询；信息项：${items.map((item) => item.code).join(', ')}`),
    }],
  };
}

/** The address the client reached this gateway at, when it is a plain host[:port]; otherwise the gateway's own. */
function baseOf(req: IncomingMessage, fallbackPort: () => number): string {
  const host = req.headers.host ?? '';
  return /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:]+\](:\d{1,5})?$/.test(host) ? `http://${host}` : `http://127.0.0.1:${fallbackPort()}`;
}

/**
 * `GET /open-data/catalog.jsonld`: the open catalog read through this gateway exactly as an anonymous
 * caller reads it (the platforms decide what is open), counted against the caller's public limit.
 */
export interface ExportOptions<C extends object> {
  apollo: ApolloServer<C>;
  /** The context of an anonymous request from `address`, as the gateway admits one. */
  publicContext: (address: string) => C;
  publicRate: PublicRateLimit;
  log: Logger;
  port: () => number;
}

export function openDataExportRoute<C extends object>(options: ExportOptions<C>) {
  return (pathname: string, req: IncomingMessage, res: ServerResponse): boolean => {
    if (pathname !== DCAT_PATH) return false;
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET', 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: `${req.method} is not accepted here; GET the catalog`, extensions: { code: 'METHOD_NOT_ALLOWED' } }] }));
      return true;
    }
    exportCatalog(options, req, res).catch((error) => {
      options.log.error({ error: (error as Error).message }, 'open catalog export failed');
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'the open catalog could not be read from the platforms; try again', extensions: { code: 'BAD_GATEWAY' } }] }));
    });
    return true;
  };
}

async function exportCatalog<C extends object>(options: ExportOptions<C>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const address = req.socket.remoteAddress || 'unknown';
  const verdict = await options.publicRate.check(address);
  if (!verdict.ok) {
    res.writeHead(429, { 'retry-after': String(verdict.retryAfterSeconds), 'content-type': 'application/json' })
      .end(JSON.stringify({ errors: [{ message: `too many requests without a token from ${address}; retry after ${verdict.retryAfterSeconds} s`, extensions: { code: 'RATE_LIMITED' } }] }));
    return;
  }
  const resources: OpenResource[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const response: GraphQLResponse<CatalogPage> = await options.apollo.executeOperation<CatalogPage>({ query: OPEN_CATALOG, variables: { after } }, { contextValue: options.publicContext(address) });
    if (response.body.kind !== 'single' || response.body.singleResult.errors?.length) {
      const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
      throw new Error(`catalog page ${page + 1}: ${errors?.map((e) => e.message).join('; ') ?? 'no single result'}`);
    }
    const { catalog } = response.body.singleResult.data!;
    resources.push(...catalog.nodes);
    if (!catalog.pageInfo.hasNextPage) break;
    after = catalog.pageInfo.endCursor;
  }
  const body = JSON.stringify(dcatCatalog(baseOf(req, options.port), resources));
  res.writeHead(200, { 'content-type': 'application/ld+json; charset=utf-8', 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff' }).end(body);
}

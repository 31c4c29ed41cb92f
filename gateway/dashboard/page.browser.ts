import * as echarts from 'echarts';
import './dashboard.css';

/*
 * The region aggregation dashboard. Every number on it comes from one GraphQL operation (DASHBOARD
 * below) sent with the signed-in authority's token; the "explain" box sends explainAccess when asked.
 * Labels are Chinese with the API's code beside them.
 */

export const DASHBOARD = `query Dashboard($from: DateTimeISO!, $to: DateTimeISO!) {
  viewer { agency { uscc name } jurisdiction { code name } }
  jurisdictions(level: CITY, first: 50) { nodes { code name } }
  platforms {
    level
    name
    statistics(from: $from, to: $to) {
      asOf
      catalog { shareType openType resources items }
      shareApplications { state count overdue dueSoon }
      upwardApplications { state count overdue dueSoon }
      demands { state count overdue dueSoon }
      reflowApplications { state count overdue dueSoon }
      openDataApplications { state count overdue dueSoon }
      qualityReports { state count overdue dueSoon }
      objections { state count overdue dueSoon }
      reflowRuns { day subscriberJurisdiction runs failed rowsWritten rowsDeleted }
      auditAccesses { day effect count }
    }
    evaluation(from: $from, to: $to) { rank score agency { uscc name } }
  }
}`;

const EXPLAIN = `query Explain($level: PlatformLevel!, $agency: ID!, $resource: ID!, $purpose: String) {
  platform(level: $level) { explainAccess(agency: $agency, resource: $resource, purpose: $purpose) { items { item effect reason article remedy } } }
}`;

const LEVEL_NAMES: Record<string, string> = { REGION: '自治区', CITY: '盟市', COUNTY: '旗县' };
const SHARE_NAMES: Record<string, string> = { UNCONDITIONAL: '无条件共享', CONDITIONAL: '有条件共享', NOT_SHARED: '不予共享' };
const PROCEDURE_NAMES: Record<string, string> = {
  shareApplications: '共享申请', upwardApplications: '向上申请', demands: '需求申请', reflowApplications: '回流申请',
  openDataApplications: '开放申请', qualityReports: '数据纠错', objections: '开放异议',
};
const EFFECT_NAMES: Record<string, string> = { ALLOW: '允许', ALLOW_MASKED: '脱敏', DENY: '拒绝' };

type Count = { state: string; count: number; overdue: number; dueSoon: number };
interface Statistics {
  asOf: string;
  catalog: { shareType: string; openType: string; resources: number; items: number }[];
  reflowRuns: { day: string; subscriberJurisdiction: string | null; rowsWritten: number; rowsDeleted: number }[];
  auditAccesses: { day: string; effect: string; count: number }[];
  [procedure: string]: unknown;
}
interface PlatformData {
  level: string;
  name: string;
  statistics: Statistics | null;
  evaluation: { rank: number; score: number | null; agency: { uscc: string; name: string } }[] | null;
}
interface DashboardData {
  viewer: { agency: { uscc: string; name: string }; jurisdiction: { code: string; name: string } };
  jurisdictions: { nodes: { code: string; name: string }[] };
  platforms: PlatformData[];
}

const root = document.getElementById('dashboard')!;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const el = (tag: string, attrs: Record<string, string> = {}, text?: string) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
};

async function graphql<T>(token: string, query: string, variables: Record<string, unknown>): Promise<{ data?: T; errors?: { message: string }[] }> {
  const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  return response.json();
}

/** The figures the page shows, from the operation's answer: also what the browser test compares with the API. */
export function figuresOf(data: DashboardData) {
  const stats = data.platforms.map((p) => p.statistics).filter((s): s is Statistics => s !== null);
  const procedures = Object.keys(PROCEDURE_NAMES);
  return {
    items: sum(stats.flatMap((s) => s.catalog.map((c) => c.items))),
    resources: sum(stats.flatMap((s) => s.catalog.map((c) => c.resources))),
    overdue: sum(stats.flatMap((s) => procedures.flatMap((p) => (s[p] as Count[]).map((c) => c.overdue)))),
    reflowRows: sum(stats.flatMap((s) => s.reflowRuns.map((r) => r.rowsWritten))),
    accesses: sum(stats.flatMap((s) => s.auditAccesses.map((a) => a.count))),
  };
}

function kpis(data: DashboardData): HTMLElement {
  const figures = figuresOf(data);
  const row = el('section', { class: 'kpis' });
  const cards: [keyof typeof figures, string, string][] = [
    ['resources', '目录资源', 'resources'], ['items', '数据项', 'items'], ['overdue', '超期待办', 'overdue'], ['reflowRows', '回流写入行数', 'reflow rows'], ['accesses', '数据访问记录', 'accesses'],
  ];
  for (const [key, label, code] of cards) {
    const card = el('div', { class: `kpi${key === 'overdue' && figures.overdue > 0 ? ' alert' : ''}` });
    card.append(el('div', { class: 'label' }, `${label} ${code}`), el('div', { class: 'value', 'data-figure': key }, String(figures[key])));
    row.append(card);
  }
  return row;
}

function chartBox(title: string, id: string): HTMLElement {
  const box = el('section', { class: 'chart' });
  box.append(el('h2', {}, title), el('div', { class: 'canvas', id }));
  return box;
}

function catalogChart(node: HTMLElement, data: DashboardData) {
  const levels = data.platforms.map((p) => p.level);
  const series = Object.entries(SHARE_NAMES).map(([type, name]) => ({
    name: `${name} ${type}`,
    type: 'bar' as const,
    stack: 'items',
    data: data.platforms.map((p) => sum((p.statistics?.catalog ?? []).filter((c) => c.shareType === type).map((c) => c.items))),
  }));
  echarts.init(node).setOption({ animation: false, tooltip: {}, legend: { bottom: 0 }, grid: { left: 48, right: 16, top: 16, bottom: 48 }, xAxis: { type: 'category', data: levels.map((l) => `${LEVEL_NAMES[l]} ${l}`) }, yAxis: { type: 'value', name: '数据项' }, series });
}

function proceduresChart(node: HTMLElement, data: DashboardData) {
  const names = Object.keys(PROCEDURE_NAMES);
  const count = (p: PlatformData, name: string, field: 'count' | 'overdue') => sum(((p.statistics?.[name] as Count[] | undefined) ?? []).map((c) => c[field]));
  const series = [
    ...data.platforms.map((p) => ({ name: `${LEVEL_NAMES[p.level]} 全部`, type: 'bar' as const, stack: p.level, data: names.map((n) => count(p, n, 'count') - count(p, n, 'overdue')) })),
    ...data.platforms.map((p) => ({ name: `${LEVEL_NAMES[p.level]} 超期 overdue`, type: 'bar' as const, stack: p.level, itemStyle: { color: '#d4380d' }, data: names.map((n) => count(p, n, 'overdue')) })),
  ];
  echarts.init(node).setOption({ animation: false, tooltip: {}, legend: { bottom: 0, type: 'scroll' }, grid: { left: 48, right: 16, top: 16, bottom: 56 }, xAxis: { type: 'category', data: names.map((n) => PROCEDURE_NAMES[n]) }, yAxis: { type: 'value', name: '件' }, series });
}

function reflowChart(node: HTMLElement, data: DashboardData) {
  const runs = data.platforms.filter((p) => p.level !== 'REGION').flatMap((p) => p.statistics?.reflowRuns ?? []);
  const days = [...new Set(runs.map((r) => r.day))].sort();
  const cityOf = (code: string | null) => (code ? `${code.slice(0, 4)}00` : '—');
  const cities = [...new Set(runs.map((r) => cityOf(r.subscriberJurisdiction)))].sort();
  const nameOf = (code: string) => data.jurisdictions.nodes.find((j) => j.code === code)?.name ?? code;
  const series = cities.map((city) => ({
    name: `${nameOf(city)} ${city}`,
    type: 'line' as const,
    data: days.map((day) => sum(runs.filter((r) => r.day === day && cityOf(r.subscriberJurisdiction) === city).map((r) => r.rowsWritten))),
  }));
  echarts.init(node).setOption({ animation: false, tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 56, right: 16, top: 16, bottom: 48 }, xAxis: { type: 'category', data: days }, yAxis: { type: 'value', name: '行' }, series, title: runs.length ? undefined : { text: '期间内无回流 no reflow runs', left: 'center', top: 'middle', textStyle: { fontSize: 14, color: '#888' } } });
}

function ranking(data: DashboardData): HTMLElement {
  const box = el('section', { class: 'ranking' });
  box.append(el('h2', {}, '年度考核排名 evaluation ranking'));
  const table = el('table');
  const head = el('tr');
  head.append(el('th', {}, '层级'), el('th', {}, '名次 rank'), el('th', {}, '部门 agency'), el('th', {}, '得分 score'));
  table.append(head);
  for (const platform of data.platforms) {
    for (const entry of (platform.evaluation ?? []).filter((e) => e.score !== null).slice(0, 4)) {
      const row = el('tr');
      row.append(el('td', {}, LEVEL_NAMES[platform.level]), el('td', {}, String(entry.rank)), el('td', {}, entry.agency.name), el('td', { class: 'num' }, entry.score!.toFixed(1)));
      table.append(row);
    }
  }
  box.append(table);
  return box;
}

function explainBox(token: string): HTMLElement {
  const box = el('section', { class: 'explain' });
  box.append(el('h2', {}, '为何拒绝？explain access'));
  const form = el('form') as HTMLFormElement;
  const level = el('select', { name: 'level' }) as HTMLSelectElement;
  for (const l of Object.keys(LEVEL_NAMES)) level.append(el('option', { value: l }, `${LEVEL_NAMES[l]} ${l}`));
  const agency = el('input', { name: 'agency', placeholder: '部门统一社会信用代码 USCC' }) as HTMLInputElement;
  const resource = el('input', { name: 'resource', placeholder: '资源 id' }) as HTMLInputElement;
  const purpose = el('input', { name: 'purpose', placeholder: '用途 purpose（可选）' }) as HTMLInputElement;
  const output = el('div', { class: 'explain-output' });
  form.append(level, agency, resource, purpose, el('button', { type: 'submit' }, '说明 explain'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    output.textContent = '…';
    const answer = await graphql<{ platform: { explainAccess: { items: { item: string; effect: string; reason: string | null; article: string; remedy: string | null }[] } } }>(token, EXPLAIN, {
      level: level.value, agency: agency.value.trim(), resource: resource.value.trim(), purpose: purpose.value.trim() || null,
    });
    output.textContent = '';
    if (answer.errors?.length) {
      output.textContent = answer.errors.map((e) => e.message).join('；');
      return;
    }
    const table = el('table');
    for (const item of answer.data!.platform.explainAccess.items) {
      const row = el('tr');
      row.append(el('td', {}, item.item), el('td', { class: item.effect === 'DENY' ? 'deny' : 'allow' }, `${EFFECT_NAMES[item.effect]} ${item.effect}`), el('td', {}, item.reason ?? ''), el('td', {}, item.article), el('td', {}, item.remedy ?? ''));
      table.append(row);
    }
    output.append(table);
  });
  box.append(form, output);
  return box;
}

/** The period shown: `?from=…&to=…` (ISO instants) when given, else the current year in Beijing. */
function period(): { from: string; to: string } {
  const asked = new URLSearchParams(location.search);
  const from = asked.get('from');
  const to = asked.get('to');
  if (from && to) return { from, to };
  const year = new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear();
  return { from: `${year}-01-01T00:00:00+08:00`, to: `${year + 1}-01-01T00:00:00+08:00` };
}

async function show(token: string) {
  root.textContent = '正在统计… Counting…';
  const answer = await graphql<DashboardData>(token, DASHBOARD, period());
  if (!answer.data) {
    root.textContent = `无法读取 could not read: ${answer.errors?.map((e) => e.message).join('；') ?? 'no data'}`;
    signIn();
    return;
  }
  const data = answer.data;
  root.textContent = '';
  const header = el('header');
  const asOf = data.platforms.find((p) => p.statistics)?.statistics?.asOf ?? '';
  header.append(el('h1', {}, '公共数据共享开放监管看板'), el('div', { class: 'who' }, `${data.viewer.agency.name} · ${data.viewer.jurisdiction.name} ${data.viewer.jurisdiction.code} · 截至 as of ${asOf.slice(0, 16).replace('T', ' ')} UTC`));
  const grid = el('main');
  grid.append(chartBox('目录构成（按层级与共享属性）catalog by level × share type', 'catalog-chart'), chartBox('申请办理与超期（按层级）applications, overdue in red', 'procedures-chart'), chartBox('回流数据量（按盟市、按日）reflow rows per city per day', 'reflow-chart'), ranking(data));
  root.append(header, kpis(data), grid, explainBox(token));
  catalogChart(document.getElementById('catalog-chart')!, data);
  proceduresChart(document.getElementById('procedures-chart')!, data);
  reflowChart(document.getElementById('reflow-chart')!, data);
  root.setAttribute('data-state', 'ready');
}

async function signIn() {
  const box = el('section', { class: 'sign-in' });
  box.append(el('h1', {}, '公共数据共享开放监管看板'), el('p', {}, '请使用主管部门令牌登录 Sign in with an authority token'));
  const token = el('textarea', { name: 'token', placeholder: 'Bearer token (npm run token -- --agency <USCC> --role AUTHORITY_REVIEWER)' }) as HTMLTextAreaElement;
  const go = el('button', { type: 'button', name: 'sign-in' }, '登录 Sign in');
  go.addEventListener('click', () => token.value.trim() && show(token.value.trim()));
  box.append(token, go);
  const demo = await fetch('/dashboard/demo-authorities').then((r) => (r.ok ? r.json() : null)).catch(() => null);
  if (Array.isArray(demo)) {
    const pick = el('select', { name: 'demo-authority' }) as HTMLSelectElement;
    for (const a of demo) pick.append(el('option', { value: a.uscc }, `${a.name}（${LEVEL_NAMES[a.level]}）`));
    const use = el('button', { type: 'button', name: 'demo-sign-in' }, '以演示主管部门登录 demo sign-in');
    use.addEventListener('click', async () => {
      const answer = await fetch('/dashboard/demo-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uscc: pick.value }) }).then((r) => r.json());
      if (answer.token) show(answer.token);
    });
    box.append(el('p', {}, '开发环境 development:'), pick, use);
  }
  root.textContent = '';
  root.append(box);
}

signIn();

import type { PartyKind } from '../../kernel/auth/identity';
import { composeCitizenId, composeUscc } from '../../kernel/identifiers';

/** An invented open-data user for development and trials: registered at every level's platform. */
export interface DemoParty {
  id: string;
  kind: PartyKind;
  name: string;
}

/** A researcher from Xincheng District and a company in Hohhot — demo data, not people or companies that exist. */
export const DEMO_PARTIES: readonly DemoParty[] = Object.freeze([
  { id: composeCitizenId('150102', '19880315', 21), kind: 'PERSON', name: '演示用户（研究人员）' },
  { id: composeUscc('9', '1', '150100', 'MA0DEM41'), kind: 'ORGANISATION', name: '演示数据科技有限公司' },
]);

export const demoParty = (kind: PartyKind): DemoParty => DEMO_PARTIES.find((p) => p.kind === kind)!;

import { badInput } from '../../kernel/errors';
import { isKnownMaskRule } from '../../kernel/policy';
import { NotOpenGrounds, OpenType, ShareMode, ShareType } from './enums';

export interface ItemShareAttributes {
  code: string;
  shareType: ShareType;
  shareConditions?: string | null;
  shareReason?: string | null;
  legalBasis?: string | null;
  shareMode: ShareMode;
  openType: OpenType;
  openGrounds?: NotOpenGrounds | null;
  openLegalBasis?: string | null;
  openConditions?: string | null;
  maskRule?: string | null;
  maskedDeliveryOnly?: boolean;
}

const present = (s: string | null | undefined) => typeof s === 'string' && s.trim().length > 0;

/**
 * 004 art. 21: sharing is the rule. An item that is CONDITIONAL or NOT_SHARED must give its reason
 * and legal basis; a CONDITIONAL item must state its conditions; an item with no legal basis is
 * UNCONDITIONAL. Checked on every write; the error names the item and the rule it breaks.
 */
export function checkShareRules(item: ItemShareAttributes, path: string): void {
  const where = `${path} (${item.code})`;
  if (item.shareType !== ShareType.UNCONDITIONAL) {
    if (!present(item.legalBasis)) {
      throw badInput(`${path}.legalBasis`, `${where} is ${item.shareType}: 004 art. 21 requires its legal basis; an item without one must be UNCONDITIONAL`, { rule: '004 art. 21', item: item.code });
    }
    if (!present(item.shareReason)) {
      throw badInput(`${path}.shareReason`, `${where} is ${item.shareType}: 004 art. 21 requires the reason it is not shared unconditionally`, { rule: '004 art. 21', item: item.code });
    }
  }
  if (item.shareType === ShareType.CONDITIONAL && !present(item.shareConditions)) {
    throw badInput(`${path}.shareConditions`, `${where} is CONDITIONAL: 004 art. 21 requires the conditions an agency must meet`, { rule: '004 art. 21', item: item.code });
  }
  if (item.shareType !== ShareType.CONDITIONAL && present(item.shareConditions)) {
    throw badInput(`${path}.shareConditions`, `${where}: share conditions apply only to CONDITIONAL items`, { rule: '004 art. 21', item: item.code });
  }
  if (item.maskRule && !isKnownMaskRule(item.maskRule)) {
    throw badInput(`${path}.maskRule`, `${where}: unknown mask rule '${item.maskRule}'; masked delivery (004 art. 22) needs a rule the platform applies`, { rule: '004 art. 22', item: item.code });
  }
  if ((item.maskedDeliveryOnly || item.shareMode === ShareMode.MASKED) && !item.maskRule) {
    throw badInput(`${path}.maskRule`, `${where}: masked delivery (004 art. 22) needs a mask rule`, { rule: '004 art. 22', item: item.code });
  }
  checkOpenRules(item, path);
}

/**
 * 004 art. 27: the open type is fixed when the catalog is compiled. NOT_OPEN rests on trade secrets,
 * personal privacy, or a law or regulation, and states which with its basis; CONDITIONAL_OPEN states
 * the conditions (limited objects, uses, scope of use); what is neither is UNCONDITIONAL_OPEN and
 * carries no grounds or conditions. The open type is not tied to the share type: no article of the
 * seeds says data not shared with agencies may not be opened (see docs/open-data.md).
 */
function checkOpenRules(item: ItemShareAttributes, path: string): void {
  const where = `${path} (${item.code})`;
  const rule = { rule: '004 art. 27', item: item.code };
  if (item.openType === OpenType.NOT_OPEN) {
    if (!item.openGrounds) throw badInput(`${path}.openGrounds`, `${where} is NOT_OPEN: 004 art. 27 (1) requires its grounds: TRADE_SECRET, PERSONAL_PRIVACY or FORBIDDEN_BY_LAW`, rule);
    if (!present(item.openLegalBasis)) throw badInput(`${path}.openLegalBasis`, `${where} is NOT_OPEN on ${item.openGrounds}: state the law, regulation or right it rests on (004 art. 27 (1))`, rule);
  } else if (item.openGrounds || present(item.openLegalBasis)) {
    throw badInput(`${path}.openGrounds`, `${where} is ${item.openType}: grounds for not opening apply only to NOT_OPEN items`, rule);
  }
  if (item.openType === OpenType.CONDITIONAL_OPEN && !present(item.openConditions)) {
    throw badInput(`${path}.openConditions`, `${where} is CONDITIONAL_OPEN: 004 art. 27 (2) requires the conditions (objects, uses, scope of use) it is opened under`, rule);
  }
  if (item.openType !== OpenType.CONDITIONAL_OPEN && present(item.openConditions)) {
    throw badInput(`${path}.openConditions`, `${where}: open conditions apply only to CONDITIONAL_OPEN items`, rule);
  }
}

export function checkItemList(items: readonly ItemShareAttributes[], path = 'input.items'): void {
  if (items.length === 0) throw badInput(path, 'a catalog resource lists at least one data item (004 art. 10)');
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.code)) throw badInput(`${path}[${i}].code`, `item code '${item.code}' appears twice`);
    seen.add(item.code);
    checkShareRules(item, `${path}[${i}]`);
  });
}

/** Whether an item states every attribute 004 art. 21-22, 27 require (catalog completeness, docs/evaluation.md). */
export function meetsItemRules(item: ItemShareAttributes): boolean {
  try {
    checkShareRules(item, 'item');
    return true;
  } catch {
    return false;
  }
}

import { badInput } from '../../kernel/errors';
import { isKnownMaskRule } from '../../kernel/policy';
import { OpenType, ShareMode, ShareType } from './enums';

export interface ItemShareAttributes {
  code: string;
  shareType: ShareType;
  shareConditions?: string | null;
  shareReason?: string | null;
  legalBasis?: string | null;
  shareMode: ShareMode;
  openType: OpenType;
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
  // Data withheld from other agencies cannot sensibly be opened to the public (004 art. 26-27).
  if (item.shareType === ShareType.NOT_SHARED && item.openType !== OpenType.NOT_OPEN) {
    throw badInput(`${path}.openType`, `${where} is NOT_SHARED, so it cannot be opened (${item.openType}); use NOT_OPEN`, { rule: '004 art. 26', item: item.code });
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

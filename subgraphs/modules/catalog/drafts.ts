import type { ShareScope } from '../../kernel/policy';
import { BasicDatabase, DataForm, ItemDataType, UpdateFrequency } from './enums';
import { ItemShareAttributes } from './share-rules';

/** A data item as an agency describes it (graphql/inputs.ts takes it from a client; the demo seed writes it). */
export interface ItemDraft extends ItemShareAttributes {
  name: string;
  dataType: ItemDataType;
  description: string;
  maskedDeliveryOnly: boolean;
}

/** A resource version as its agency drafts or edits it (004 art. 10). */
export interface ResourceDraft {
  code?: string;
  name: string;
  summary: string;
  dataForm: DataForm;
  format: string;
  updateFrequency: UpdateFrequency;
  basicDatabase?: BasicDatabase | null;
  sourceDepartmentUscc?: string | null;
  collectingDepartmentUscc?: string | null;
  approvingDepartmentUscc?: string | null;
  /** 共享范围 (004 art. 10 ¶4); absent: every agency. */
  shareScope?: ShareScope | null;
  items: ItemDraft[];
}

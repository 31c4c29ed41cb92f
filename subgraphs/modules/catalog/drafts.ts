import { BasicDatabase, DataForm, ItemDataType, OpenType, ShareMode, ShareType, UpdateFrequency } from './enums';

/** A data item as an agency describes it (graphql/inputs.ts takes it from a client; the demo seed writes it). */
export interface ItemDraft {
  code: string;
  name: string;
  dataType: ItemDataType;
  description: string;
  shareType: ShareType;
  shareConditions?: string | null;
  shareReason?: string | null;
  legalBasis?: string | null;
  shareMode: ShareMode;
  openType: OpenType;
  maskRule?: string | null;
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
  items: ItemDraft[];
}

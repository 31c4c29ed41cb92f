import { ShareMode } from '../catalog/enums';

/** A share application as an agency files it (004 art. 23); resourceId is the resource's own id on this platform. */
export interface ShareApplicationDraft {
  resourceId: string;
  items: string[];
  scenario: string;
  purpose: string;
  shareMode: ShareMode;
  requestedEndDate: Date;
}

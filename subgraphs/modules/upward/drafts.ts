import type { Level } from '../../kernel/levels';
import { ShareMode } from '../catalog/enums';

/** An upward application as its agency files it (004 art. 25); resourceId is the resource's own id at its level. */
export interface UpwardApplicationDraft {
  resourceId: string;
  items: string[];
  scenario: string;
  purpose: string;
  legalBasis: string;
  shareMode: ShareMode;
  requestedEndDate: Date;
}

/** The facts filed, as one authority hands them to the next: the draft, and who filed it for what. */
export interface FiledFacts extends UpwardApplicationDraft {
  id: string;
  requesterUscc: string;
  requesterUser: string;
  requesterLevel: Level;
  requesterJurisdiction: string;
  resourceCode: string;
  resourceLevel: Level;
  resourceJurisdiction: string;
  sourceDepartmentUscc: string;
  filedAt: Date;
}

import type { Level } from '../../kernel/levels';
import { ReflowDirection, ReflowFrequency } from './enums';

/** An authority's application for another level's data (000 art. 16, 004 art. 18); resourceId is the resource's own id. */
export interface ReflowApplicationDraft {
  resourceId: string;
  items: string[];
  purpose: string;
  scopeDivisionCode?: string | null;
  frequency: ReflowFrequency;
  intervalMinutes?: number | null;
}

/** A subscription as its source registers it at the target. */
export interface SubscriptionTerms {
  id: string;
  applicationId: string;
  direction: ReflowDirection;
  sourceLevel: Level;
  targetLevel: Level;
  resourceId: string;
  resourceCode: string;
  dataTable: string;
  scopeDivisionCode: string;
  scopePrefix: string;
  items: string[];
  subscriberUscc: string;
  subscriberJurisdiction: string;
  purpose: string;
  frequency: ReflowFrequency;
  intervalMinutes: number | null;
  createdAt: Date;
}

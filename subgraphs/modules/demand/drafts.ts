/** A demand as an agency files it (004 art. 24). */
export interface DemandDraft {
  description: string;
  desiredItems: string[];
  scenario: string;
  purpose: string;
  legalBasis?: string | null;
  suggestedSourceUscc?: string | null;
}

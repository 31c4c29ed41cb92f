/**
 * The figures an annual evaluation (004 art. 39 ¶2, 41) reads for an agency, and their weights. The
 * measures name what is evaluated — cataloguing, aggregation, sharing, opening, timeliness — but give
 * no weights: these are this platform's choice, documented in docs/evaluation.md, with the article each
 * figure rests on. A figure with no case in the period (nothing to reply to) is left out, and the score
 * is the weighted mean of the figures that have cases, on a scale of 100.
 */
export const FIGURES = {
  CATALOG_COMPLETENESS: { weight: 20, article: '004 art. 21, 27, 42' },
  CATALOG_UPDATES_IN_TIME: { weight: 10, article: '004 art. 11' },
  SHARE_REPLIES_IN_TIME: { weight: 20, article: '004 art. 23, 49 (2)' },
  SHARE_DELIVERIES_IN_TIME: { weight: 15, article: '004 art. 23, 49 (2)' },
  DEMAND_REPLIES_IN_TIME: { weight: 10, article: '004 art. 24' },
  QUALITY_ANSWERED_IN_TIME: { weight: 15, article: '004 art. 45, 49 (3)' },
  GRANTS_USED: { weight: 10, article: '004 art. 20, 23 (least authorisation)' },
} as const;

export type FigureName = keyof typeof FIGURES;

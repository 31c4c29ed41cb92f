import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ShareMode } from '../subgraphs/modules/catalog/enums';
import { GrantStatus, ShareGrant } from '../subgraphs/modules/sharing/grant.entity';

export interface AccessToGrant {
  agencyUscc: string;
  resourceId: string;
  itemCodes: string[];
}

const DAY_MS = 24 * 3600 * 1000;

/** The scenario the benchmark's grants approve, which its record queries state as their purpose (004 art. 20, 23). */
export const BENCH_SCENARIO = 'benchmark';

/**
 * Benchmark SETUP only: an approved grant (004 art. 23), written straight into the holding platform's
 * tables, so that the enforced side of P4 releases every field it asks for instead of refusing some:
 * both sides then return the same data and only the cost of deciding differs.
 */
export async function grantAccess(db: DataSource, access: AccessToGrant): Promise<void> {
  await db.getRepository(ShareGrant).insert({
    id: randomUUID(),
    applicationId: randomUUID(),
    agencyUscc: access.agencyUscc,
    resourceId: access.resourceId,
    itemCodesJson: JSON.stringify(access.itemCodes),
    scenario: BENCH_SCENARIO,
    mode: ShareMode.INTERFACE,
    endsAt: new Date(Date.now() + 30 * DAY_MS),
    status: GrantStatus.APPROVED,
    revokedAt: null,
    revokeReason: null,
  });
}

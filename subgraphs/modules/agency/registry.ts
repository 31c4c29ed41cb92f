import { DataSource } from 'typeorm';
import { AgencyRegistry, RegisteredAgency } from '../../kernel/auth/identity';
import { PolicySnapshots } from '../../kernel/db/policy-generation';
import { LoaderRegistry } from '../../kernel/loaders';
import { Agency } from './agency.entity';

export const registered = (agency: Agency): RegisteredAgency => ({
  uscc: agency.uscc,
  level: agency.level,
  jurisdictionCode: agency.jurisdictionCode,
  isAuthority: agency.isAuthority,
  isSourceDepartment: agency.isSourceDepartment,
});

/**
 * Every request's identity is looked up here (kernel/auth/identity.ts identityFrom): the agency as
 * this platform's copy of the registry has it, kept between requests until the registry changes
 * (its table is a policy table: every change bumps the policy generation).
 */
export function agencyRegistry(platform: { db: DataSource; loaders: LoaderRegistry; snapshots: PolicySnapshots }): AgencyRegistry {
  return (uscc) =>
    platform.snapshots.get(platform, `registry:${uscc}`, async () => {
      const agency = await platform.db.getRepository(Agency).findOneBy({ uscc });
      return agency ? registered(agency) : null;
    });
}

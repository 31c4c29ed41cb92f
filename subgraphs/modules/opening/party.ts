import { DataSource } from 'typeorm';
import { PartyRegistry } from '../../kernel/auth/identity';
import { PolicySnapshots } from '../../kernel/db/policy-generation';
import { LoaderRegistry } from '../../kernel/loaders';
import { OpenDataParty } from './party.entity';

/**
 * Every registered party's token is checked here: the party as this platform's copy of the register has
 * it, kept between requests until the register changes (open_data_party is a policy table).
 */
export function partyRegistry(platform: { db: DataSource; loaders: LoaderRegistry; snapshots: PolicySnapshots }): PartyRegistry {
  return (id) =>
    platform.snapshots.get(platform, `parties:${id}`, async () => {
      const party = await platform.db.getRepository(OpenDataParty).findOneBy({ id });
      return party ? { id: party.id, kind: party.kind, name: party.name } : null;
    });
}

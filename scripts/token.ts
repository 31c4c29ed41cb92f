import { parseArgs } from 'node:util';
import { signPartyToken, signToken } from '../subgraphs/kernel/auth/jwt';
import { PartyKind, ROLES, Role } from '../subgraphs/kernel/auth/identity';
import { loadConfig } from '../subgraphs/kernel/config';
import { DEMO_AGENCIES, Sector } from '../subgraphs/modules/agency/demo-agencies';
import { DEMO_PARTIES } from '../subgraphs/modules/opening/demo-parties';

/**
 * `npm run token -- --agency <USCC> --role <ROLE> [--role <ROLE>] [--sub <user>] [--expires 8h]`
 * prints a development token (HS256, JWT_SECRET) for a seeded agency; `--list` shows the agencies.
 * The token names the agency and roles only: each platform reads the agency's level and jurisdiction
 * from its registry. `--person <citizen ID>` or `--organisation <USCC>` prints one for a seeded
 * open-data user instead, which each platform checks in its register of such users.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      agency: { type: 'string' },
      role: { type: 'string', multiple: true },
      sub: { type: 'string' },
      expires: { type: 'string', default: '8h' },
      list: { type: 'boolean', default: false },
      person: { type: 'string' },
      organisation: { type: 'string' },
    },
  });
  if (values.person || values.organisation) return printPartyToken(values.person ? 'PERSON' : 'ORGANISATION', (values.person ?? values.organisation)!, values.sub, values.expires!);
  if (values.list || !values.agency) {
    for (const a of DEMO_AGENCIES) console.log(`${a.uscc}  ${a.jurisdictionCode} ${a.level.padEnd(6)} ${a.sector.padEnd(32)} ${a.name}`);
    for (const p of DEMO_PARTIES) console.log(`${p.id}  open-data user ${p.kind.padEnd(12)} ${p.name}`);
    if (!values.list) console.error('\nusage: npm run token -- --agency <USCC> --role <ROLE>   (roles: ' + ROLES.join(', ') + ')\n       npm run token -- --person <citizen ID> | --organisation <USCC>');
    return;
  }
  const agency = DEMO_AGENCIES.find((a) => a.uscc === values.agency);
  if (!agency) throw new Error(`--agency ${values.agency} is not a seeded agency (see --list)`);
  const roles = (values.role?.length ? values.role : ['AGENCY_USER']) as Role[];
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length) throw new Error(`--role ${unknown.join(', ')} is not one of ${ROLES.join(', ')}`);
  // The platforms refuse a role the registry does not allow the agency (kernel/auth/identity.ts): mint none.
  if (roles.includes('AUTHORITY_REVIEWER') && agency.sector !== Sector.DATA_AUTHORITY) {
    throw new Error(`AUTHORITY_REVIEWER belongs to a public data authority; ${agency.name} is not one`);
  }
  if (roles.includes('SOURCE_REVIEWER') && !agency.isSourceDepartment) {
    throw new Error(`SOURCE_REVIEWER belongs to a data source department; ${agency.name} is not registered as one`);
  }
  if (roles.includes('SERVICE')) throw new Error('SERVICE identities are minted by the platforms for each other, never by hand');
  const config = loadConfig();
  if (config.jwt.algorithm !== 'HS256') throw new Error('token printing works with the HS256 development secret only');
  const token = await signToken(
    { sub: values.sub ?? `user-${agency.uscc}`, agency: agency.uscc, roles },
    config.jwt.secret,
    { expiresIn: values.expires, issuer: config.jwt.issuer, audience: config.jwt.audience },
  );
  console.log(token);
}

/** A registered person's or organisation's token: only for a seeded open-data user of that kind. */
async function printPartyToken(kind: PartyKind, id: string, sub: string | undefined, expires: string) {
  const party = DEMO_PARTIES.find((p) => p.id === id);
  if (!party) throw new Error(`${id} is not a seeded open-data user (see --list)`);
  if (party.kind !== kind) throw new Error(`${id} is registered as ${party.kind}, not ${kind}`);
  const config = loadConfig();
  if (config.jwt.algorithm !== 'HS256') throw new Error('token printing works with the HS256 development secret only');
  console.log(await signPartyToken({ sub: sub ?? `${kind.toLowerCase()}-${id}`, party: id, partyKind: kind }, config.jwt.secret, { expiresIn: expires, issuer: config.jwt.issuer, audience: config.jwt.audience }));
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});

import '../gateway/no-phone-home';
import 'reflect-metadata';
import { reconcile } from '../subgraphs/modules/reflow/target/reconcile';
import { withReceivingPlatform } from './reflow-target';
import { installProcessPolicy } from '../subgraphs/kernel/process-policy';

const SHOWN_KEYS = 20;
const listed = (label: string, keys: string[]) =>
  keys.length ? `${label} (${keys.length}): ${keys.slice(0, SHOWN_KEYS).join(', ')}${keys.length > SHOWN_KEYS ? ', …' : ''}` : null;

/**
 * `npm run reflow:verify -- <subscriptionId>`: compares count and content checksum of the rows the
 * receiving platform holds from a subscription with what the source's scope would deliver now, and
 * names the keys that differ. Exits 0 when identical, 1 otherwise.
 */
async function main() {
  installProcessPolicy({ name: 'reflow-verify' });
  const subscriptionId = process.argv[2];
  const result = await withReceivingPlatform(subscriptionId, 'npm run reflow:verify -- <subscriptionId>', (platform, id) => reconcile(platform, id));
  console.log(`source ${result.source.count} rows, checksum ${result.source.checksum}`);
  console.log(`target ${result.target.count} rows, checksum ${result.target.checksum}`);
  if (result.identical) {
    console.log(`identical: subscription ${subscriptionId} holds exactly the source scope`);
    return;
  }
  for (const line of [listed('missing here', result.missing), listed('extra here', result.extra), listed('different', result.different), listed('tombstones still holding values', result.lingering)]) if (line) console.log(line);
  process.exit(1);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(2);
});

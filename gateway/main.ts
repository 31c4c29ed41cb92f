import './no-phone-home';
import 'reflect-metadata';
import { loadConfig } from '../subgraphs/kernel/config';
import { startGateway } from './gateway';

/** The gateway as its own process (subgraphs started separately). */
async function main() {
  const gateway = await startGateway(loadConfig());
  console.log(`gateway ${gateway.url}`);
  const stop = () => gateway.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});

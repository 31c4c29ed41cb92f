import { runLoad } from '../load';
import { treeCpuMs } from '../proc';
import { formatNumber, LoadFigures, ratio } from '../report';
import { combineRounds } from '../rounds';
import { BenchContext, Scenario } from '../scenario';
import { graphqlBody, REGION_PERSONS } from './operations';
import { grantWhatIsDenied, READER } from './records';

const TITLE = "record query (the region platform's persons, 50 rows): field enforcement on vs bypassed";
const GOAL = { label: 'RPS ratio', comparison: '>=' as const, target: 0.95, targetText: '0.95x' };
/**
 * P4: what field enforcement costs. The same record query through our gateway, with the subgraphs
 * enforcing share attributes and with them restarted under the benchmark-only switch
 * BENCH_ENFORCEMENT_BYPASS=true (refused in production). The sides cannot alternate without a
 * restart, so enforcement is measured before and after the bypass and the two are combined.
 */
export const enforcementCost: Scenario = {
  ids: ['P4'],
  async run(context: BenchContext) {
    const { settings, stack } = context;
    const authorization = `Bearer ${await stack.token(READER)}`;
    const target = { url: context.ours.url, body: graphqlBody(REGION_PERSONS, { first: 50 }), headers: { authorization } };
    await grantWhatIsDenied(context, target.body, authorization);
    // CPU time per request of the platforms, beside the rates: it moves less with other work on the machine.
    const cpu = { enforced: { ms: 0, requests: 0 }, bypassed: { ms: 0, requests: 0 } };
    const measure = async (label: 'enforced' | 'bypassed', rounds: number) => {
      await runLoad(target, { connections: settings.connections, durationSeconds: settings.warmupSeconds });
      const runs: LoadFigures[] = [];
      for (let i = 0; i < rounds; i++) {
        const before = treeCpuMs(stack.subgraphPids());
        runs.push(await runLoad(target, settings));
        cpu[label].ms += treeCpuMs(stack.subgraphPids()) - before;
        cpu[label].requests += runs.at(-1)!.requests;
        context.log(`  ${label}: ${runs.at(-1)!.rps.toFixed(1)} rps, ${runs.at(-1)!.failures} failures`);
      }
      return runs;
    };
    const cpuPerRequest = (side: keyof typeof cpu) => (cpu[side].requests ? cpu[side].ms / cpu[side].requests : 0);
    const restartSubgraphs = async (env: NodeJS.ProcessEnv) => {
      await stack.stopSubgraphs();
      await stack.startSubgraphs(env);
    };

    // Both sides in development mode: the bypass is refused in production, where the rest of the bench runs.
    const development = { NODE_ENV: 'development' };
    await restartSubgraphs(development);
    const enforcedBefore = await measure('enforced', Math.ceil(settings.rounds / 2));
    await restartSubgraphs({ ...development, BENCH_ENFORCEMENT_BYPASS: 'true' });
    const bypassed = combineRounds(await measure('bypassed', settings.rounds));
    await restartSubgraphs(development);
    const enforced = combineRounds([...enforcedBefore, ...(await measure('enforced', Math.floor(settings.rounds / 2)))]);
    await restartSubgraphs({});

    const cost = ratio(enforced.rps, bypassed.rps);
    return [
      {
        id: 'P4',
        title: TITLE,
        ratio: cost,
        ratioLabel: 'RPS',
        absolute:
          `enforced ${formatNumber(enforced.rps, 1)} rps, p99 ${formatNumber(enforced.p99Ms, 0)} ms; ` +
          `bypassed ${formatNumber(bypassed.rps, 1)} rps, p99 ${formatNumber(bypassed.p99Ms, 0)} ms; ` +
          `subgraph CPU per request ${formatNumber(cpuPerRequest('enforced'), 2)} ms enforced, ${formatNumber(cpuPerRequest('bypassed'), 2)} ms bypassed; ` +
          `failures ${enforced.failures} / ${bypassed.failures}`,
        criteria: [
          { ...GOAL, actual: cost },
          { label: 'failures', actual: enforced.failures + bypassed.failures, comparison: '=', target: 0, targetText: '0' },
        ],
      },
    ];
  },
};

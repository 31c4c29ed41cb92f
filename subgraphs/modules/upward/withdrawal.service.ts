import { IsNull } from 'typeorm';
import { RequestContext } from '../../kernel/context';
import { conflict } from '../../kernel/errors';
import { ApplicationState } from '../sharing/application.entity';
import { withdrawApplication } from '../sharing/application.service';
import { applicationById } from '../sharing/loaders';
import { findArrived, reloadUpward, requireRequester, upwardById } from './access';
import { UpwardApplicationRow } from './application.entity';
import { recordStep } from './audit';
import { UpwardStepKind, UpwardStepState } from './enums';
import { passWithdrawal } from './platform-calls';
import { routeOf } from './route';

/**
 * Withdraws one step kept by this level. Steps are taken in route order, so the farthest step the
 * application reached is the only one that may have decided: a decision there is a CONFLICT; a step
 * it has passed is only marked. A step it never reached has nothing to withdraw.
 */
async function withdrawStepHere(ctx: RequestContext, row: UpwardApplicationRow, step: UpwardStepKind, at: Date): Promise<void> {
  if (step === UpwardStepKind.HOLDER) {
    const share = await applicationById(ctx).load(row.id);
    if (!share) return;
    if (share.state === ApplicationState.APPROVED || share.state === ApplicationState.REFUSED) {
      throw conflict(`withdrawing: the data source department already ${share.state.toLowerCase()} upward application ${row.id}`, { state: share.state });
    }
    if (share.state === ApplicationState.PENDING) await withdrawApplication(ctx, row.id);
  } else if (row.stepState === UpwardStepState.REFUSED) {
    throw conflict(`withdrawing: the ${ctx.level.toLowerCase()} authority already refused upward application ${row.id}`, { state: row.stepState });
  }
  const repository = ctx.db.getRepository(UpwardApplicationRow);
  await repository.update({ id: row.id, withdrawnAt: IsNull() }, { withdrawnAt: at, withdrawnBy: ctx.identity.sub });
  await repository.update({ id: row.id, stepState: UpwardStepState.WAITING }, { stepState: UpwardStepState.WITHDRAWN });
}

/**
 * Platform-internal: the requester's platform tells this level to withdraw one of its steps, with the
 * instant it fixed, so every level's copy of the filed facts says the same.
 */
export async function recordWithdrawal(ctx: RequestContext, id: string, step: UpwardStepKind, at: Date): Promise<boolean> {
  const row = await upwardById(ctx).load(id);
  if (!row) return false;
  requireRequester(ctx, row, 'withdrawing an upward application');
  await withdrawStepHere(ctx, row, step, at);
  return true;
}

/**
 * The requester withdraws while nothing has been decided, on the platform where it filed. Every step
 * of the route is told, farthest first, each on its own level with the requester's token.
 */
export async function withdrawUpwardApplication(ctx: RequestContext, id: string): Promise<UpwardApplicationRow> {
  const action = 'withdrawing an upward application';
  const row = await findArrived(ctx, id, action);
  requireRequester(ctx, row, action);
  if (row.requesterLevel !== ctx.level) throw conflict(`${action}: it was filed on the ${row.requesterLevel} platform; withdraw it there`, { field: 'id' });
  if (row.withdrawnAt) throw conflict(`${action}: upward application ${id} was withdrawn at ${row.withdrawnAt.toISOString()}`);
  for (const hop of routeOf(row).reverse()) {
    if (hop.level === ctx.level) await withdrawStepHere(ctx, row, hop.kind, ctx.now);
    else await passWithdrawal(ctx, hop.level, id, hop.kind, ctx.now);
  }
  const withdrawn = await reloadUpward(ctx, id);
  recordStep(ctx, 'UPWARD_WITHDRAW', withdrawn);
  return withdrawn;
}

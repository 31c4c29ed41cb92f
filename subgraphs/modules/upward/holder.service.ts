import { RequestContext } from '../../kernel/context';
import { conflict } from '../../kernel/errors';
import { ShareApplication } from '../sharing/application.entity';
import { fileShareApplication } from '../sharing/application.service';
import { decideApplication, DecisionArgs } from '../sharing/decision.service';
import { ShareDecision } from '../sharing/enums';
import { applicationById } from '../sharing/loaders';
import { findArrived, requireAuthorityOf, requireHolderReviewer } from './access';
import { UpwardApplicationRow } from './application.entity';
import { recordStep } from './audit';
import { holderHopOf, hopBefore, routeOf } from './route';

/**
 * The application reaches the data source department: the holder's platform files an ordinary share
 * application for the requester under the same id (004 art. 23 from here on), checking the resource
 * and items against its own catalog. Repeating it after a partly failed routing changes nothing.
 */
export async function fileAtHolder(ctx: RequestContext, row: UpwardApplicationRow): Promise<void> {
  if (await applicationById(ctx).load(row.id)) return;
  await fileShareApplication(
    ctx,
    { resourceId: row.resourceId, items: row.items, scenario: row.scenario, purpose: row.purpose, shareMode: row.shareMode, requestedEndDate: row.requestedEndDate },
    { uscc: row.requesterUscc, level: row.requesterLevel, jurisdiction: row.requesterJurisdiction, user: row.requesterUser },
    row.id,
  );
}

/** Platform-internal: the region routes data held by a city to that city's platform (the cross-city path). */
export async function receiveHolding(ctx: RequestContext, id: string): Promise<string> {
  const row = await findArrived(ctx, id, 'routing to the data source department');
  const route = routeOf(row);
  const holder = holderHopOf(route);
  if (holder.level !== ctx.level) throw conflict(`routing: ${row.resourceCode} is held by the ${holder.level} platform, not this one`);
  requireAuthorityOf(ctx, hopBefore(route, holder)!, 'routing an upward application to the data source department');
  await fileAtHolder(ctx, row);
  return id;
}

/**
 * The data source department approves all or fewer of the items, or refuses with reasons and legal
 * basis (004 art. 23). Approval creates the requester's ordinary grant, so field enforcement lets it
 * read exactly the approved items from its next query on.
 */
export async function decideUpwardApplication(ctx: RequestContext, id: string, args: DecisionArgs): Promise<UpwardApplicationRow> {
  const action = 'deciding an upward application';
  const row = await findArrived(ctx, id, action);
  if (row.resourceLevel !== ctx.level) throw conflict(`${action}: ${row.resourceCode} is held by the ${row.resourceLevel} platform, not this one`);
  const share = await applicationById(ctx).load(id);
  requireHolderReviewer(ctx, share?.sourceDepartmentUscc ?? row.sourceDepartmentUscc, action);
  if (!share) throw conflict(`${action}: upward application ${id} has not been routed to the data source department yet`, { field: 'id' });
  const decided: ShareApplication = await decideApplication(ctx, id, args);
  const approved = args.decision === ShareDecision.APPROVE;
  recordStep(ctx, approved ? 'UPWARD_APPROVE' : 'UPWARD_REFUSE', row, {
    reason: decided.refusalReason,
    grantId: decided.grantId,
    items: approved ? JSON.parse(decided.approvedItemsJson!) : row.items,
  });
  return row;
}

import { levelNodeTypes } from '../../kernel/graphql/node-registry';
import { PlatformModule } from '../../kernel/module';
import { canSeeApplication } from './access';
import { ShareApplication } from './application.entity';
import { ShareGrant } from './grant.entity';
import { ShareApplicationFields, ShareGrantFields } from './graphql/fields';
import { SharingMutations } from './graphql/mutations';
import { PlatformSharing } from './graphql/platform.fields';
import { SHARE_APPLICATION_TYPES, SHARE_GRANT_TYPES } from './graphql/types';
import { applicationById, grantById } from './loaders';
import { AgencySuspension } from './suspension.entity';

/**
 * Conditional sharing (issue 4 items 4 and 8), mounted by every level: each platform keeps the
 * applications for its own resources, the grants its source departments approve (004 art. 23), and
 * the suspensions its authorities impose (004 art. 50). Field-level enforcement reads them through
 * `standingOf` (standing.ts).
 */
export const sharingModule: PlatformModule = {
  name: 'sharing',
  entities: [ShareApplication, ShareGrant, AgencySuspension],
  resolvers: [ShareApplicationFields, ShareGrantFields, PlatformSharing, SharingMutations],
  nodes: [
    ...levelNodeTypes('ShareApplication', SHARE_APPLICATION_TYPES, async (ctx, localId) => {
      const application = await applicationById(ctx).load(localId);
      return application && canSeeApplication(ctx.identity, application) ? application : null;
    }),
    // A grant is seen by whoever may see the application that created it.
    ...levelNodeTypes('ShareGrant', SHARE_GRANT_TYPES, async (ctx, localId) => {
      const grant = await grantById(ctx).load(localId);
      const application = grant && (await applicationById(ctx).load(grant.applicationId));
      return grant && application && canSeeApplication(ctx.identity, application) ? grant : null;
    }),
  ],
  policyTables: ['share_grant', 'share_application', 'agency_suspension'],
};

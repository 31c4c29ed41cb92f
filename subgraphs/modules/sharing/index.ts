import { Level } from '../../kernel/levels';
import { PlatformModule } from '../../kernel/module';
import { ShareApplication } from './application.entity';
import { ShareGrant } from './grant.entity';
import { ShareApplicationFields } from './graphql/application.fields';
import { applicationLevelResolver } from './graphql/application.resolver';
import { grantLevelResolver } from './graphql/grant.resolver';
import { suspensionLevelResolver } from './graphql/suspension.resolver';
import { AgencySuspension } from './suspension.entity';

const built = new Map<Level, PlatformModule>();

/**
 * Conditional sharing (issue 4 items 4 and 8), mounted by every level: each platform keeps the
 * applications for its own resources, the grants its source departments approve (004 art. 23), and
 * the suspensions its authorities impose (004 art. 50). Field-level enforcement reads them through
 * `standingOf` (standing.ts).
 */
export function sharingModule(level: Level): PlatformModule {
  const existing = built.get(level);
  if (existing) return existing;
  const module: PlatformModule = {
    name: 'sharing',
    entities: [ShareApplication, ShareGrant, AgencySuspension],
    resolvers: [ShareApplicationFields, applicationLevelResolver(level), grantLevelResolver(level), suspensionLevelResolver(level)],
    policyTables: ['share_grant', 'share_application', 'agency_suspension'],
  };
  built.set(level, module);
  return module;
}

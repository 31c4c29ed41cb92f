import { Arg, Ctx, Directive, Field, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { FindOptionsWhere, LessThan } from 'typeorm';
import { RequestContext } from '../context';
import { badInput, forbidden } from '../errors';
import { levelName } from '../graphql/level-names';
import { Level } from '../levels';
import { PlatformModule } from '../module';
import { AuditChainHead, AuditRecord } from './audit.entity';
import { verifyAuditChain } from './verify';

@InputType()
class AuditFilter {
  @Field(() => ID, { nullable: true }) agencyUscc?: string;
  @Field(() => ID, { nullable: true }) resourceId?: string;
  @Field({ nullable: true, description: 'READ, VERIFY, or a workflow step' }) action?: string;
  @Field({ nullable: true, description: 'ALLOW, ALLOW_MASKED, DENY, DONE' }) effect?: string;
  @Field({ nullable: true }) requestId?: string;
}

@ObjectType()
@Directive('@shareable')
class AuditChainStatus {
  @Field() intact: boolean;
  @Field(() => Int) records: number;
  @Field(() => String, { nullable: true }) problem: string | null;
}

/** Authorities of this platform's level (or the region's) read its trail (004 art. 44). */
function requireAuditor(ctx: RequestContext) {
  const me = ctx.identity;
  if (!me.roles.includes('AUTHORITY_REVIEWER') || (me.level !== ctx.level && me.level !== 'REGION')) {
    throw forbidden(`the audit trail of the ${ctx.level.toLowerCase()} platform is read by authorities of that level or the region`);
  }
}

export function auditModule(level: Level): PlatformModule {
  const name = (pattern: string) => levelName(level, pattern);

  @Resolver()
  class AuditTrailResolver {
    @Query(() => [AuditRecord], { name: name('{level}AuditTrail'), description: 'Newest first; page with beforeSeq' })
    async trail(
      @Ctx() ctx: RequestContext,
      @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter,
      @Arg('first', () => Int, { defaultValue: 100 }) first: number = 100,
      @Arg('beforeSeq', () => Int, { nullable: true }) beforeSeq?: number,
    ) {
      requireAuditor(ctx);
      if (first < 1 || first > 1000) throw badInput('first', 'must be between 1 and 1000');
      const where: FindOptionsWhere<AuditRecord> = {};
      if (filter?.agencyUscc) where.agencyUscc = filter.agencyUscc;
      if (filter?.resourceId) where.resourceId = filter.resourceId;
      if (filter?.action) where.action = filter.action;
      if (filter?.effect) where.effect = filter.effect;
      if (filter?.requestId) where.requestId = filter.requestId;
      if (beforeSeq) where.seq = LessThan(beforeSeq);
      return ctx.db.getRepository(AuditRecord).find({ where, order: { seq: 'DESC' }, take: first });
    }

    @Query(() => AuditChainStatus, { name: name('{level}AuditChainStatus'), description: 'Recomputes the hash chain of this platform' })
    async status(@Ctx() ctx: RequestContext): Promise<AuditChainStatus> {
      requireAuditor(ctx);
      const verdict = await verifyAuditChain(ctx.db);
      return { intact: verdict.ok, records: verdict.records, problem: verdict.ok ? null : verdict.problem };
    }
  }

  return { name: 'audit', entities: [AuditRecord, AuditChainHead], resolvers: [AuditTrailResolver] };
}

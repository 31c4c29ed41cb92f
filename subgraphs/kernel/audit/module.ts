import { Arg, Ctx, Directive, Field, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { FindOptionsWhere, LessThan, Like } from 'typeorm';
import { RequestContext } from '../context';
import { badInput, forbidden } from '../errors';
import { requireRole } from '../graphql/guards';
import { levelName } from '../graphql/level-names';
import { subtreePrefix } from '../identifiers';
import { Level } from '../levels';
import { PlatformModule } from '../module';
import { AuditChainHead, AuditRecord } from './audit.entity';
import { verifyAuditChain } from './verify';
import { ListSize } from '../graphql/list-size';

@InputType()
class AuditFilter {
  @Field(() => ID, { nullable: true }) agencyUscc?: string;
  @Field(() => ID, { nullable: true }) resourceId?: string;
  @Field({ nullable: true, description: 'READ, VERIFY, or a workflow step' }) action?: string;
  @Field({ nullable: true, description: 'ALLOW, ALLOW_MASKED, DENY, DONE' }) effect?: string;
  @Field({ nullable: true, description: 'A reason code, e.g. VERIFICATION_BUDGET_EXHAUSTED: the alerts of guessing by verification' }) reason?: string;
  @Field({ nullable: true }) requestId?: string;
}

@ObjectType()
@Directive('@shareable')
class AuditChainStatus {
  @Field() intact: boolean;
  @Field(() => Int) records: number;
  @Field(() => String, { nullable: true }) problem: string | null;
}

/**
 * Every step is traceable (004 art. 44), to the authority with power over it (art. 50: 按照法定权限):
 * an authority reads what its own jurisdiction's agencies did and what was done with its
 * jurisdiction's data, on any platform; the region reads everything. Records written before the
 * jurisdictions were recorded with them are the region's to read.
 */
function auditScope(ctx: RequestContext): string | null {
  const me = requireRole(ctx, 'reading the audit trail', 'AUTHORITY_REVIEWER');
  return me.level === 'REGION' ? null : `${subtreePrefix(me.jurisdiction)}%`;
}

/** Verifying a platform's whole chain is for the authorities of its level and the region: it names records, never their content. */
function requireChainVerifier(ctx: RequestContext) {
  const me = requireRole(ctx, 'verifying the audit chain', 'AUTHORITY_REVIEWER');
  if (me.level !== ctx.level && me.level !== 'REGION') {
    throw forbidden(`the audit chain of the ${ctx.level.toLowerCase()} platform is verified by authorities of that level or the region`);
  }
}

export function auditModule(level: Level): PlatformModule {
  const name = (pattern: string) => levelName(level, pattern);

  @Resolver()
  class AuditTrailResolver {
    @ListSize({ slicingArguments: ['first'] })
    @Query(() => [AuditRecord], { name: name('{level}AuditTrail'), description: 'Newest first; page with beforeSeq' })
    async trail(
      @Ctx() ctx: RequestContext,
      @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter,
      @Arg('first', () => Int, { defaultValue: 100 }) first: number = 100,
      @Arg('beforeSeq', () => Int, { nullable: true }) beforeSeq?: number,
    ) {
      const scope = auditScope(ctx);
      if (first < 1 || first > 1000) throw badInput('first', 'must be between 1 and 1000');
      const where: FindOptionsWhere<AuditRecord> = {};
      if (filter?.agencyUscc) where.agencyUscc = filter.agencyUscc;
      if (filter?.resourceId) where.resourceId = filter.resourceId;
      if (filter?.action) where.action = filter.action;
      if (filter?.effect) where.effect = filter.effect;
      if (filter?.reason) where.reason = filter.reason;
      if (filter?.requestId) where.requestId = filter.requestId;
      if (beforeSeq) where.seq = LessThan(beforeSeq);
      const scoped = scope === null ? where : [{ ...where, agencyJurisdiction: Like(scope) }, { ...where, resourceJurisdiction: Like(scope) }];
      return ctx.db.getRepository(AuditRecord).find({ where: scoped, order: { seq: 'DESC' }, take: first });
    }

    @Query(() => AuditChainStatus, { name: name('{level}AuditChainStatus'), description: 'Recomputes the hash chain of this platform' })
    async status(@Ctx() ctx: RequestContext): Promise<AuditChainStatus> {
      requireChainVerifier(ctx);
      const verdict = await verifyAuditChain(ctx.db);
      return { intact: verdict.ok, records: verdict.records, problem: verdict.ok ? null : verdict.problem };
    }
  }

  return { name: 'audit', entities: [AuditRecord, AuditChainHead], resolvers: [AuditTrailResolver] };
}

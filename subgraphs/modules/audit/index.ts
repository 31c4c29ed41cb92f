import { Args, ArgsType, Ctx, Directive, Field, FieldResolver, ID, InputType, Int, ObjectType, Resolver } from 'type-graphql';
import { Brackets } from 'typeorm';
import { AuditChainHead, AuditRecord } from '../../kernel/audit/audit.entity';
import { verifyAuditChain } from '../../kernel/audit/verify';
import { RequestContext } from '../../kernel/context';
import { forbidden } from '../../kernel/errors';
import { Connection, ConnectionArgs, sqlPage } from '../../kernel/graphql/connection';
import { decodeGlobalId } from '../../kernel/graphql/global-id';
import { requireRole } from '../../kernel/graphql/guards';
import { ConnectionSize, ListSize } from '../../kernel/graphql/list-size';
import { PageInfo } from '../../kernel/graphql/page-info';
import { subtreePrefix } from '../../kernel/identifiers';
import { PlatformModule } from '../../kernel/module';
import { Platform } from '../platform/platform.type';

@InputType()
class AuditFilter {
  @Field(() => ID, { nullable: true }) agencyUscc?: string;
  @Field(() => ID, { nullable: true, description: 'A resource (its id)' }) resourceId?: string;
  @Field({ nullable: true, description: 'READ, VERIFY, or a workflow step' }) action?: string;
  @Field({ nullable: true, description: 'ALLOW, ALLOW_MASKED, DENY, DONE' }) effect?: string;
  @Field({ nullable: true, description: 'A reason code, e.g. VERIFICATION_BUDGET_EXHAUSTED: the alerts of guessing by verification' }) reason?: string;
  @Field({ nullable: true }) requestId?: string;
}

@ArgsType()
class AuditTrailArgs extends ConnectionArgs {
  @Field(() => AuditFilter, { nullable: true }) filter?: AuditFilter;
}

@ObjectType()
@Directive('@shareable')
class AuditChainStatus {
  @Field() intact: boolean;
  @Field(() => Int) records: number;
  @Field(() => String, { nullable: true }) problem: string | null;
}

@ObjectType()
@Directive('@shareable')
class AuditRecordEdge {
  @Field() cursor: string;
  @Field(() => AuditRecord) node: AuditRecord;
}

@ObjectType({ description: 'Audit records, newest first (Relay cursor connection)' })
@Directive('@shareable')
class AuditRecordConnection {
  @ListSize({ assumedSize: 1000 }) @Field(() => [AuditRecordEdge]) edges: AuditRecordEdge[];
  @ListSize({ assumedSize: 1000 }) @Field(() => [AuditRecord]) nodes: AuditRecord[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

const PAGE = { defaultSize: 100, maxSize: 1000 };

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

/** Each platform's hash-chained audit trail (001 art. 25, 004 art. 44). */
@Resolver(() => Platform)
export class PlatformAudit {
  @ConnectionSize(PAGE.defaultSize)
  @FieldResolver(() => AuditRecordConnection, { nullable: true, description: "This platform's audit trail as far as the caller's authority reaches, newest first" })
  auditTrail(@Args() args: AuditTrailArgs, @Ctx() ctx: RequestContext): Promise<Connection<AuditRecord>> {
    const scope = auditScope(ctx);
    const { filter } = args;
    const query = ctx.db.getRepository(AuditRecord).createQueryBuilder('a');
    if (filter?.agencyUscc) query.andWhere('a.agencyUscc = :agency', { agency: filter.agencyUscc });
    if (filter?.resourceId) query.andWhere('a.resourceId = :resource', { resource: decodeGlobalId(filter.resourceId)?.localId ?? filter.resourceId });
    if (filter?.action) query.andWhere('a.action = :action', { action: filter.action });
    if (filter?.effect) query.andWhere('a.effect = :effect', { effect: filter.effect });
    if (filter?.reason) query.andWhere('a.reason = :reason', { reason: filter.reason });
    if (filter?.requestId) query.andWhere('a.requestId = :requestId', { requestId: filter.requestId });
    if (scope !== null) query.andWhere(new Brackets((q) => q.where('a.agencyJurisdiction LIKE :scope', { scope }).orWhere('a.resourceJurisdiction LIKE :scope', { scope })));
    return sqlPage(query, [{ expression: 'a.seq', direction: 'DESC', value: (record) => String(record.seq).padStart(15, '0'), parse: Number }], args, PAGE);
  }

  @FieldResolver(() => AuditChainStatus, { nullable: true, description: 'Recomputes the hash chain of this platform' })
  async auditChainStatus(@Ctx() ctx: RequestContext): Promise<AuditChainStatus> {
    requireChainVerifier(ctx);
    const verdict = await verifyAuditChain(ctx.db);
    return { intact: verdict.ok, records: verdict.records, problem: verdict.ok ? null : verdict.problem };
  }
}

/** The audit trail of every level (the writing of it is the kernel's: kernel/audit). */
export const auditModule: PlatformModule = { name: 'audit', entities: [AuditRecord, AuditChainHead], resolvers: [PlatformAudit] };

import { Arg, Ctx, Directive, Field, ID, InputType, Resolver } from 'type-graphql';
import { RequestContext } from '../../kernel/context';
import { conflict } from '../../kernel/errors';
import { PlatformLevel } from '../../kernel/graphql/enums';
import { requireAuthorityOver } from '../../kernel/graphql/guards';
import { LevelMutation } from '../../kernel/graphql/ownership';
import { Level, levelName } from '../../kernel/levels';
import { passDownRegistration } from '../../kernel/service-client';
import { Agency } from './agency.entity';
import { Sector } from './sectors';

@InputType({ description: 'Platform-internal: an agency as the region registered it' })
@Directive('@inaccessible')
class AgencyReplicaInput {
  @Field(() => ID) uscc: string;
  @Field() name: string;
  @Field(() => Sector) sector: Sector;
  @Field(() => ID) jurisdictionCode: string;
  @Field(() => PlatformLevel) level: Level;
  @Field() isSourceDepartment: boolean;
}

const TERMS = ['name', 'sector', 'jurisdictionCode', 'level', 'isSourceDepartment'] as const;
const sameTerms = (a: Pick<Agency, (typeof TERMS)[number]>, b: Pick<Agency, (typeof TERMS)[number]>) => TERMS.every((t) => a[t] === b[t]);

/** The region passes a registration down before recording it (kernel/service-client.ts passDownRegistration). */
export function passAgencyDown(ctx: RequestContext, agency: Agency): Promise<void> {
  const replica: AgencyReplicaInput = { uscc: agency.uscc, name: agency.name, sector: agency.sector, jurisdictionCode: agency.jurisdictionCode, level: agency.level, isSourceDepartment: agency.isSourceDepartment };
  return passDownRegistration(ctx, (lower) => `mutation($agency: AgencyReplicaInput!) { ${levelName(lower, 'replicate{Level}Agency')}(agency: $agency) }`, { agency: replica });
}

/** A lower level's copy of the registry takes what the region registers, from an authority over the agency. */
@Resolver()
export class AgencyReplication {
  @LevelMutation(() => ID, { pattern: 'replicate{Level}Agency', description: 'Platform-internal: the region passes a registration down' })
  @Directive('@inaccessible')
  async replicate(@Arg('agency', () => AgencyReplicaInput) input: AgencyReplicaInput, @Ctx() ctx: RequestContext): Promise<string> {
    requireAuthorityOver(ctx, 'registering an agency', input.jurisdictionCode);
    const repo = ctx.db.getRepository(Agency);
    const existing = await repo.findOneBy({ uscc: input.uscc });
    if (existing && !sameTerms(existing, input)) throw conflict(`agency.uscc: ${input.uscc} is registered here with other terms`, { field: 'agency.uscc' });
    if (!existing) await repo.insert(repo.create({ ...input }));
    return input.uscc;
  }
}

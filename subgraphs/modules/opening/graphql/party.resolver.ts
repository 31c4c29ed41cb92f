import { Arg, Ctx, Directive, ID, Mutation, Resolver } from 'type-graphql';
import { hasRole, PartyKind } from '../../../kernel/auth/identity';
import { RequestContext } from '../../../kernel/context';
import { badInput, conflict, forbidden } from '../../../kernel/errors';
import { PartyKindEnum } from '../../../kernel/graphql/enums';
import { LevelMutation } from '../../../kernel/graphql/ownership';
import { checkCitizenId, checkUscc } from '../../../kernel/identifiers';
import { levelName } from '../../../kernel/levels';
import { passDownRegistration } from '../../../kernel/service-client';
import { OpenDataParty } from '../party.entity';

/** Any level's public data authority registers the persons and organisations it has checked (real-name). */
function requireRegistrar(ctx: RequestContext): void {
  if (!hasRole(ctx.identity, 'AUTHORITY_REVIEWER')) throw forbidden('a public data authority (role AUTHORITY_REVIEWER) registers open-data users, having checked who they are');
}

/** Stores a registration, or accepts it again unchanged: a repeated pass-down is harmless, a different one refused. */
async function store(ctx: RequestContext, party: OpenDataParty): Promise<void> {
  const repo = ctx.db.getRepository(OpenDataParty);
  const existing = await repo.findOneBy({ id: party.id });
  if (existing && (existing.kind !== party.kind || existing.name !== party.name)) throw conflict(`${party.id} is registered here as ${existing.kind} ${existing.name}`, { field: 'id' });
  if (!existing) await repo.insert(party);
}

/**
 * The register of open-data users is one, kept at every level (each platform checks every party token
 * in its own copy): the region registers, passing the registration down first, as it does agencies.
 */
@Resolver()
export class PartyRegistration {
  @Mutation(() => OpenDataParty, {
    description: 'A public data authority registers a person (citizen ID number) or organisation (USCC) it has checked, at every level, so that it may apply for conditionally open data (004 art. 28 ¶2)',
  })
  async registerOpenDataUser(@Arg('kind', () => PartyKindEnum) kind: PartyKindEnum, @Arg('id') id: string, @Arg('name') name: string, @Ctx() ctx: RequestContext): Promise<OpenDataParty> {
    requireRegistrar(ctx);
    const check = kind === PartyKindEnum.PERSON ? checkCitizenId(id, ctx.now) : checkUscc(id);
    if (!check.valid) throw badInput('id', `'${id}' is not a valid ${kind === PartyKindEnum.PERSON ? 'citizen ID number' : 'USCC'}: ${check.reason}`);
    const given = name.trim();
    if (given.length === 0 || given.length > 128) throw badInput('name', 'a name of 1 to 128 characters, as the identity document states it');
    if (await ctx.db.getRepository(OpenDataParty).existsBy({ id })) throw conflict(`${id} is registered already`, { field: 'id' });
    const party = Object.assign(new OpenDataParty(), { id, kind: kind as PartyKind, name: given, registeredAt: ctx.now, registeredBy: ctx.identity.sub });
    await passDownRegistration(
      ctx,
      (lower) => `mutation($kind: PartyKind!, $id: ID!, $name: String!, $at: DateTimeISO!) { ${levelName(lower, 'replicate{Level}OpenDataUser')}(kind: $kind, id: $id, name: $name, registeredAt: $at) }`,
      { kind, id, name: given, at: ctx.now.toISOString() },
    );
    await store(ctx, party);
    return party;
  }
}

/** A lower level's copy of the register takes what the region registers. */
@Resolver()
export class PartyReplication {
  @LevelMutation(() => ID, { pattern: 'replicate{Level}OpenDataUser', description: 'Platform-internal: the region passes a registration down' })
  @Directive('@inaccessible')
  async replicate(
    @Arg('kind', () => PartyKindEnum) kind: PartyKindEnum,
    @Arg('id', () => ID) id: string,
    @Arg('name') name: string,
    @Arg('registeredAt') registeredAt: Date,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    requireRegistrar(ctx);
    await store(ctx, Object.assign(new OpenDataParty(), { id, kind: kind as PartyKind, name, registeredAt, registeredBy: ctx.identity.sub }));
    return id;
  }
}

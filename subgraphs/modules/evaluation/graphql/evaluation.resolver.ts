import { Arg, Ctx, Directive, Field, FieldResolver, Float, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { ListSize } from '../../../kernel/graphql/list-size';
import { Agency } from '../../agency/agency.entity';
import { agencyOf } from '../../agency/references';
import { Platform } from '../../platform/platform.type';
import { StatisticsScope } from '../../statistics/scope';
import { AgencyEvaluation, evaluateAgencies, Figure, Violation } from '../evaluation.service';

@ObjectType('EvaluationFigure', { description: 'One figure of an annual evaluation: cases that met the rule out of those the period holds' })
@Directive('@shareable')
class EvaluationFigure implements Figure {
  @Field(() => String) name: Figure['name'];
  @Field(() => Int) met: number;
  @Field(() => Int) cases: number;
  @Field(() => Float, { nullable: true, description: 'met ÷ cases; null without cases (left out of the score)' }) ratio: number | null;
  @Field(() => Int, { description: "This platform's weight (docs/evaluation.md)" }) weight: number;
  @Field() article: string;
}

@ObjectType('EvaluationViolation', { description: 'A step done late or not in time: a violation named by 004 art. 49, on the record' })
@Directive('@shareable')
class EvaluationViolation implements Violation {
  @Field(() => String) kind: Violation['kind'];
  @Field() article: string;
  @Field(() => ID) objectId: string;
  @Field() startedAt: Date;
  @Field() dueDay: string;
  @Field(() => Date, { nullable: true, description: 'When it was done; null when it still was not at the end of the period' }) doneAt: Date | null;
}

@ObjectType('AgencyEvaluation', { description: "An agency's annual evaluation (004 art. 39, 41): figures, score, rank in the jurisdiction, violations" })
@Directive('@shareable')
class AgencyEvaluationType implements AgencyEvaluation {
  @Field(() => ID) agencyUscc: string;
  @Field(() => Int) rank: number;
  @Field(() => Float, { nullable: true, description: 'Weighted mean of the figures with cases, 0-100' }) score: number | null;
  @ListSize({ assumedSize: 7 }) @Field(() => [EvaluationFigure]) figures: Figure[];
  @ListSize({ assumedSize: 20 }) @Field(() => [EvaluationViolation]) violations: Violation[];
}

@Resolver(() => Platform)
export class PlatformEvaluation {
  @ListSize({ assumedSize: 50 })
  @FieldResolver(() => [AgencyEvaluationType], { nullable: true, description: "The annual evaluation of this level's agencies in a jurisdiction subtree, ranked (004 art. 39, 41; AUTHORITY_REVIEWER)" })
  evaluation(
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Ctx() ctx: RequestContext,
    @Arg('jurisdictionCode', () => ID, { nullable: true }) jurisdictionCode?: string,
  ): Promise<AgencyEvaluation[]> {
    return evaluateAgencies(ctx, StatisticsScope.of(ctx, { jurisdictionCode, from, to, dueWithinWorkingDays: 0 }));
  }
}

@Resolver(() => AgencyEvaluationType)
export class AgencyEvaluationFields {
  @FieldResolver(() => Agency)
  agency(@Root() evaluation: AgencyEvaluation, @Ctx() ctx: RequestContext) {
    return agencyOf(ctx, evaluation.agencyUscc);
  }
}

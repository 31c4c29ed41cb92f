import { startTestStack, TestStack } from '../support/stack';
import { DEMAND_INPUT, hohhotTokens, SOURCE } from './demand-fixtures';
import { localId } from '../support/api';

// 001 art. 25 / 004 art. 44: each step of a demand (004 art. 24) is in the platform's audit trail.
let stack: TestStack;
afterAll(() => stack?.stop());

it('records submission, review and a refusal with its stated reason in the city audit trail', async () => {
  stack = await startTestStack();
  const tokens = await hohhotTokens(stack);
  const submitted = await stack.query('mutation($input: DemandInput!) { submitCityDemand(input: $input) { id } }', { input: DEMAND_INPUT }, tokens.applicant);
  const id = submitted.body.data.submitCityDemand.id;
  await stack.query('mutation($id: ID!, $s: ID!) { reviewCityDemand(id: $id, decision: APPROVE, sourceDepartmentUscc: $s) { state } }', { id, s: SOURCE.uscc }, tokens.authority);
  const reason = '该数据项涉及正在侦办案件的信息，依法暂不能提供，待案件办结后可重新提出需求申请，届时我局将优先安排数据梳理与共享';
  const refused = await stack.query(
    'mutation($id: ID!, $r: String!) { refuseCityDemand(id: $id, reason: $r, legalBasis: "《中华人民共和国刑事诉讼法》第一百五十二条") { state } }',
    { id, r: reason },
    tokens.sourceReviewer,
  );
  expect(refused.body.errors).toBeUndefined();
  const trail = await stack.query('{ platform(level: CITY) { auditTrail(first: 100) { nodes { action reason recordKeys } } } }', {}, tokens.authority);
  const steps = trail.body.data.platform.auditTrail.nodes.filter((r: { recordKeys: string[] }) => r.recordKeys.includes(localId(id))).reverse();
  expect(steps.map((s: { action: string }) => s.action)).toEqual(['DEMAND_SUBMITTED', 'DEMAND_AUTHORITY_APPROVED', 'DEMAND_REFUSED']);
  expect(steps[2].reason).toBe(reason);
});

import { IsNull } from 'typeorm';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { PersonRow } from '../../subgraphs/modules/records/record.entities';
import { HOHHOT_AUTHORITY, PERSON_ITEMS, REFLOW_TEST_ENV, REGION_AUTHORITY, resourceIdOf, runAt, subscribe } from '../reflow/reflow-fixtures';
import { dataOf, sharingApi } from '../sharing/sharing-fixtures';
import { levelId } from '../support/api';
import { errorAt } from '../support/responses';
import { startTestStack, TestStack } from '../support/stack';

// Issue 12, no silent nulls on reflowed copies: a row the region reflowed to the city holds only the
// items the region delivered (004 art. 19-21: on demand, CONDITIONAL only under a grant). A Hohhot
// agency that holds a grant of the city's own may read those items at the city — and where the source
// withheld one, it is told so, with the subscription, instead of getting a null that looks like
// "no value". A value that is empty at the source stays a plain null.
const HOHHOT_CIVIL = demoAgency('150100', Sector.CIVIL_AFFAIRS);
const SCENARIO = '城乡低保家庭经济状况核对';

let stack: TestStack;
let subscriptionId: string;
let reflowed: PersonRow;
let emptyAtSource: PersonRow;
let token: string;

beforeAll(async () => {
  stack = await startTestStack(REFLOW_TEST_ENV);
  const regionResource = await resourceIdOf(stack, '150000-RK-0001');
  // One Hohhot person with no phone at the region: delivered, empty.
  const region = stack.subgraphs.REGION.db.getRepository(PersonRow);
  [emptyAtSource] = await region.find({ where: { divisionCode: '150102' }, order: { idNumber: 'DESC' }, take: 1 });
  await region.update({ idNumber: emptyAtSource.idNumber }, { name: null });
  // The subscription asks for every person item; the city's authority holds no region grant, so the
  // region delivers the UNCONDITIONAL items and withholds household_address, marital_status and phone.
  subscriptionId = await subscribe(stack, 'REGION', await stack.token(HOHHOT_AUTHORITY, 'AUTHORITY_REVIEWER'), await stack.token(REGION_AUTHORITY, 'AUTHORITY_REVIEWER'), { resourceId: regionResource, items: PERSON_ITEMS });
  expect((await runAt(stack, 'CITY', subscriptionId)).state).toBe('SUCCEEDED');
  reflowed = (await stack.subgraphs.CITY.db.getRepository(PersonRow).find({ where: { originSubscription: subscriptionId, deletedAt: IsNull() }, order: { idNumber: 'ASC' }, take: 1 }))[0];

  // A grant of the city's own for its population resource's CONDITIONAL marital status.
  token = await stack.token(HOHHOT_CIVIL);
  const cityResource = await resourceIdOf(stack, '150100-RK-0001');
  const application = dataOf(await sharingApi(stack, 'CITY').apply(token, { resourceId: cityResource, items: ['marital_status'], scenario: SCENARIO }));
  dataOf(await sharingApi(stack, 'CITY').decide(await stack.token(demoAgency('150100', Sector.PUBLIC_SECURITY), 'SOURCE_REVIEWER'), application.id, { decision: 'APPROVE' }));
});
afterAll(() => stack?.stop());

const readAtCity = (idNumber: string) =>
  stack.query(`query($id: ID!) { platform(level: CITY) { ... on PersonRegister { person(idNumber: $id, purpose: "${SCENARIO}") { name gender maritalStatus origin { subscription } } } } }`, { id: idNumber }, token);

describe('a reflowed row read where the source withheld an item (004 art. 19-21)', () => {
  it('answers the item with an error naming the subscription: WITHHELD_AT_SOURCE, not a silent null', async () => {
    const response = await readAtCity(reflowed.idNumber);
    expect(response.body.data.platform.person).toMatchObject({ name: reflowed.name, gender: reflowed.gender, maritalStatus: null, origin: { subscription: levelId('REGION', 'ReflowSubscription', subscriptionId) } });
    expect(errorAt(response, ['platform', 'person', 'maritalStatus'])).toMatchObject({
      message: expect.stringMatching(/withheld by the region platform that delivered it \(subscription /),
      extensions: { code: 'SHARE_DENIED', reason: 'WITHHELD_AT_SOURCE', subscriptionId: levelId('REGION', 'ReflowSubscription', subscriptionId), sourceLevel: 'REGION', item: 'marital_status' },
    });
  });

  it('keeps a plain null for an item the source delivered empty', async () => {
    const response = await readAtCity(emptyAtSource.idNumber);
    expect(response.body.data.platform.person.name).toBeNull();
    expect(errorAt(response, ['platform', 'person', 'name'])).toBeUndefined();
  });

  it('tells the platform\'s own refusal first, where it refuses itself', async () => {
    const withoutGrant = await stack.query(`query($id: ID!) { platform(level: CITY) { ... on PersonRegister { person(idNumber: $id) { phone } } } }`, { id: reflowed.idNumber }, await stack.token(demoAgency('150100', Sector.HEALTH)));
    expect(errorAt(withoutGrant, ['platform', 'person', 'phone'])?.extensions).toMatchObject({ reason: 'NO_GRANT' });
  });
});

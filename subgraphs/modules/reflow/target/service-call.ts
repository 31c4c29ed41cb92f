import { randomUUID } from 'node:crypto';
import { signServiceToken } from '../../../kernel/auth/service-token';
import { PlatformConfig } from '../../../kernel/config';
import { callPlatform } from '../../../kernel/service-client';
import { ReflowSubscription } from '../subscription.entity';

/**
 * A call of the receiving platform to the source's API for a subscription: no user is behind a
 * scheduled or command-line run, so it mints a short-lived SERVICE token for the subscriber, and
 * the call is signed like any other between levels. Never the source's database.
 */
export async function callSource<T>(config: Readonly<PlatformConfig>, subscription: ReflowSubscription, query: string, variables: Record<string, unknown>): Promise<T> {
  const token = await subscriberToken(config, subscription);
  return callPlatform<T>(config, subscription.sourceLevel, { query, variables, authorization: `Bearer ${token}`, requestId: randomUUID() });
}

/** A SERVICE token for the subscriber, minted by the receiving platform for one call or stream. */
export const subscriberToken = (config: Readonly<PlatformConfig>, subscription: ReflowSubscription): Promise<string> =>
  signServiceToken(config.serviceTokenSecret, { level: subscription.targetLevel, agency: subscription.subscriberUscc, jurisdiction: subscription.subscriberJurisdiction });

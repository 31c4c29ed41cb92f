import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createTokenVerifier, signToken } from '../../subgraphs/kernel/auth/jwt';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';

// Production identity providers sign with RS256 and publish a JWKS; the platform verifies against it.
describe('RS256 tokens verified against a JWKS', () => {
  const agency = demoAgency('150100', Sector.HEALTH);
  const claims = { agency: agency.uscc, jurisdiction: agency.jurisdictionCode, level: agency.level, roles: ['AGENCY_USER'] };

  it('accepts a token signed by a key of the JWKS and refuses an HS256 token', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'jwks-')), 'jwks.json');
    writeFileSync(file, JSON.stringify({ keys: [jwk] }));
    const verify = createTokenVerifier({ algorithm: 'RS256', jwksFile: file, maxLifetimeSeconds: 3600 });

    const token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'idp-1' }).setSubject('u1').setExpirationTime('5m').sign(privateKey);
    await expect(verify(token)).resolves.toMatchObject({ sub: 'u1', agency: agency.uscc, level: 'CITY', roles: ['AGENCY_USER'] });

    const hs256 = await signToken({ sub: 'u1', ...claims, level: 'CITY', roles: ['AGENCY_USER'] }, 'dev-only-jwt-secret-change-me-0123456789');
    await expect(verify(hs256)).rejects.toThrow(/token rejected/);

    const { privateKey: otherKey } = await generateKeyPair('RS256');
    const foreign = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'idp-1' }).setSubject('u1').setExpirationTime('5m').sign(otherKey);
    await expect(verify(foreign)).rejects.toThrow(/token rejected/);
  });
});

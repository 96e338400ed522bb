import { createHmac, randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import type { DeviceKey } from '../../../shared/api/device';
import { Denial } from '../../../shared/index';
import { CredentialKind } from '../../auth/Authenticator';
import { ApiError } from '../ApiError';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { requireUser } from '../requireUser';

/** The name of the secret the device keys are derived from (`AccountStore.serverSecret`). */
const DEVICE_KEY_SECRET = 'device_keys';

/**
 * The device key of one account: HMAC-SHA256 of the account id under the server's secret, so
 * that it is the same in every process and for every device of that account, and nothing per
 * account is stored.
 */
export function deriveDeviceKey(secretHex: string, userId: string): Buffer {
  return createHmac('sha256', Buffer.from(secretHex, 'hex')).update(`jianyan-device-key:v1:${userId}`).digest();
}

/** `GET /api/me/device-key`: the key that unlocks this account's local copy (docs/API.md). */
export function registerDeviceKeyRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  // The app opens the device copy's key before it shows the forced password change.
  const auth = requireUser(deps, { isAllowedBeforePasswordChange: true });
  api.get('/me/device-key', auth, async (c) => {
    const { user, kind } = c.get('auth');
    if (kind !== CredentialKind.session) {
      throw ApiError.forbidden(Denial.role, 'The device key is given to a signed-in session, not to an API token');
    }
    const secret = await deps.accounts.serverSecret(DEVICE_KEY_SECRET, () => randomBytes(32).toString('hex'));
    const answer: DeviceKey = { key: deriveDeviceKey(secret, user.id).toString('base64url') };
    return c.json(answer);
  });
}

import { z } from 'zod';

/**
 * The device key (docs/API.md, "Device key"): 32 bytes the server releases to a signed-in
 * session, base64url without padding. The app wraps each account's data key with it, so that an
 * online start unlocks the local copy with no extra step; it is the same for one account on every
 * device and never stored by the server (it is derived from a server secret).
 */
export const deviceKeySchema = z.object({
  key: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'The device key must be 32 bytes in base64url without padding'),
});
export type DeviceKey = z.infer<typeof deviceKeySchema>;

import type { TFunction } from 'i18next';
import { Denial } from '../../shared';
import { parseRelayReason, relayReasonKeyOf } from '../../shared/protocol/relayReasons';
import { ClientError, ClientErrorCode } from '../core/errors';

/**
 * The sentence a person reads when an action failed: offline, refused with a reason, or the
 * server's own message. Pages handle the codes that mean something specific to them (a taken
 * username, a wrong password) before calling this.
 */
export function errorText(err: unknown, t: TFunction): string {
  if (err instanceof ClientError) {
    if (err.code === ClientErrorCode.network) {
      return navigator.onLine ? t('common.networkError') : t('common.offline');
    }
    if (err.code === ClientErrorCode.wrongPassword) {
      return t('device.wrongPassword');
    }
    if (err.code === 'forbidden' && err.denial !== undefined) {
      return t('common.failed', { error: t(`denial.${err.denial}`) });
    }
    if (err.code === ClientErrorCode.passwordChangeRequired) {
      return t('trust.passwordChangeFirst');
    }
    if (err.code === ClientErrorCode.originRefused) {
      return t('trust.originRefused');
    }
    if (err.code === ClientErrorCode.unsupportedMediaType) {
      return t('trust.csvRequired');
    }
    if (err.code === 'rate_limited' && err.retryAfterSeconds !== undefined) {
      return t('auth.rateLimited', { seconds: Math.ceil(err.retryAfterSeconds) });
    }
    return t('common.failed', { error: err.message });
  }
  return t('common.failed', { error: err instanceof Error ? err.message : String(err) });
}

const DENIALS: readonly string[] = Object.values(Denial);

function isDenial(value: string): value is Denial {
  return DENIALS.includes(value);
}

/** Why `can()` said no, in words; `fallback` (the server's message) for a reason this client does not know. */
export function denialText(denial: string | null | undefined, fallback: string, t: TFunction): string {
  return denial !== null && denial !== undefined && isDenial(denial) ? t(`denial.${denial}`) : fallback;
}

/**
 * A reason the relay gave (a close, a dropped update), read by its code: in the app's words when
 * it is about rights or the workflow, else the relay's sentence without the code.
 */
export function relayReasonText(reason: string, t: TFunction): string {
  const { code, text } = parseRelayReason(reason);
  const key = code === null ? null : relayReasonKeyOf(code);
  return key === null ? text : t(`relayReason.${key}`);
}

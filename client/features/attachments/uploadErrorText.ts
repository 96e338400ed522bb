import type { TFunction } from 'i18next';
import { ClientErrorCode, hasErrorCode } from '../../core/errors';
import { errorText } from '../../ui/errorText';

/** Why an upload (or the step after it) failed, in the app's words for the refusals of RULES.md AT2. */
export function uploadErrorText(err: unknown, t: TFunction): string {
  if (hasErrorCode(err, ClientErrorCode.unsupportedMediaType)) {
    return t('attachments.problem.type', { extra: '' });
  }
  if (hasErrorCode(err, ClientErrorCode.payloadTooLarge)) {
    return t('attachments.problem.size');
  }
  return errorText(err, t);
}

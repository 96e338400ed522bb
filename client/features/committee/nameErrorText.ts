import type { TFunction } from 'i18next';
import { ClientErrorCode, hasErrorCode } from '../../core/errors';
import { errorText } from '../../ui/errorText';

/** A failure to name a session or a unit: a name already taken (409) in the page's words, else `errorText`. */
export function nameErrorText(what: 'session' | 'unit', t: TFunction): (err: unknown) => string {
  return (err) =>
    hasErrorCode(err, ClientErrorCode.conflict)
      ? t(what === 'unit' ? 'committee.unitNameTaken' : 'committee.sessionNameTaken')
      : errorText(err, t);
}

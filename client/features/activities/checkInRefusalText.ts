import type { TFunction } from 'i18next';
import { CheckInRefusal } from '../../../shared/domain/checkInCode';

const REFUSALS: readonly string[] = Object.values(CheckInRefusal);

/** Whether the server's reason is one this client words (`CheckInRefusal`). */
export function isCheckInRefusal(reason: string | null | undefined): reason is CheckInRefusal {
  return reason !== null && reason !== undefined && REFUSALS.includes(reason);
}

/** Why a check-in code was refused, in words; null for a reason this client does not know. */
export function checkInRefusalText(reason: string | null | undefined, t: TFunction): string | null {
  return isCheckInRefusal(reason) ? t(`activities.checkIn.refusal.${reason}`) : null;
}

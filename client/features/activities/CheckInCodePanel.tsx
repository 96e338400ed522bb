import { type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../shared/domain/activities';
import { CHECK_IN_STEP_MS, signCheckInCode } from '../../../shared/domain/checkInCode';
import { CopyButton } from '../../ui/CopyButton';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useAccount } from '../../ui/services/useServices';
import { checkInUrl } from './activityModel';
import { QrCode } from './QrCode';

/** How often the countdown to the next code is drawn. */
const TICK_MS = 1_000;

type KeyState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly key: Uint8Array }
  | { readonly status: 'missing' }
  | { readonly status: 'failed'; readonly error: unknown };

/** The moment now, every second: the code of each 30-second step, and the seconds left of it. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * 签到码: the code the organiser's phone shows at the venue, signed on the device with the
 * activity's key (kept there while online), so it works with no network (C1). It changes every
 * 30 seconds; members scan it, or type it on their check-in page.
 */
export function CheckInCodePanel({ activity }: { readonly activity: Activity }): ReactElement {
  const { t } = useTranslation();
  const { activities } = useAccount();
  const [key, setKey] = useState<KeyState>({ status: 'loading' });
  const [code, setCode] = useState<string | null>(null);
  const now = useNow();
  const step = Math.floor(now / CHECK_IN_STEP_MS) * CHECK_IN_STEP_MS;
  useEffect(() => {
    let isCurrent = true;
    activities.checkInKey(activity.id).then(
      (found) => isCurrent && setKey(found === null ? { status: 'missing' } : { status: 'ready', key: found }),
      (error: unknown) => isCurrent && setKey({ status: 'failed', error }),
    );
    return () => {
      isCurrent = false;
    };
  }, [activities, activity.id]);
  useEffect(() => {
    if (key.status !== 'ready') {
      return;
    }
    let isCurrent = true;
    void signCheckInCode(key.key, activity.id, step).then((signed) => isCurrent && setCode(signed));
    return () => {
      isCurrent = false;
    };
  }, [key, activity.id, step]);
  const link = code === null ? null : checkInUrl(window.location.origin, activity.id, code);
  const secondsLeft = Math.ceil((step + CHECK_IN_STEP_MS - now) / 1000);
  return (
    <section className="card check-in-code" aria-labelledby="check-in-code-title">
      <h2 id="check-in-code-title">{t('activities.detail.code')}</h2>
      <p className="section-note">{t('activities.detail.codeLead')}</p>
      {key.status === 'missing' ? <p className="notice is-warning">{t('activities.detail.noKey')}</p> : null}
      <FormError message={key.status === 'failed' ? errorText(key.error, t) : null} />
      {code === null || link === null ? null : (
        <>
          <QrCode text={link} label={t('activities.detail.qrLabel')} />
          <div className="field">
            <span>{t('activities.detail.codeText')}</span>
            <output className="check-in-code-text" data-code={code}>
              {code}
            </output>
            <small>{t('activities.detail.nextIn', { seconds: secondsLeft })}</small>
          </div>
          <div className="activity-buttons">
            <CopyButton text={code} label={t('activities.detail.codeText')} />
            <CopyButton text={link} label={t('activities.detail.codeLink')} />
          </div>
        </>
      )}
    </section>
  );
}

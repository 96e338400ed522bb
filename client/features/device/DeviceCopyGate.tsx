import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/api/schemas';
import { useStore } from '../../ui/hooks/useStore';
import { useApp } from '../../ui/services/useServices';
import { AuthLayout } from '../auth/AuthLayout';
import { UnlockPage } from './UnlockPage';

export interface DeviceCopyGateProps {
  readonly me: Me;
  /** Shown while the copy opens. */
  readonly splash: ReactNode;
  /** The account's pages, once its device copy is open. */
  readonly children: ReactNode;
}

/** The signed-in account's pages, once the key of its copy on this device is open. */
export function DeviceCopyGate({ me, splash, children }: DeviceCopyGateProps): ReactElement {
  const { t } = useTranslation();
  const { keys } = useApp();
  const key = useStore(keys.state);
  if (key.status !== 'none' && key.userId === me.id) {
    if (key.status === 'locked') {
      return <UnlockPage me={me} />;
    }
    if (key.status === 'failed') {
      return (
        <AuthLayout title={t('device.failedTitle')} lead={t('device.failedLead')}>
          <button
            type="button"
            className="button is-primary is-block"
            onClick={() => {
              keys.close();
              void keys.open(me.id);
            }}
          >
            {t('device.retry')}
          </button>
        </AuthLayout>
      );
    }
  }
  return <>{key.status === 'open' && key.userId === me.id ? children : splash}</>;
}

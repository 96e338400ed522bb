import { type FormEvent, type ReactElement, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { Dialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';
import { FormError } from '../../ui/FormError';
import { useOnline } from '../../ui/hooks/useOnline';
import { useStore } from '../../ui/hooks/useStore';
import { useOutbox, useTotalUnsent } from '../../ui/hooks/useWorkspace';
import { useAccount, useApp } from '../../ui/services/useServices';
import { useBusyAction } from '../../ui/useBusyAction';

export interface SignOutDialogProps {
  readonly isOpen: boolean;
  readonly onClose: () => void;
}

type Choice = 'keep' | 'clear';
/** Choosing; waiting for the unsent changes to be sent before clearing; confirming they are dropped. */
type Phase = 'choose' | 'waiting' | 'discarding';

/**
 * Signing out asks what this device is (docs/DEVICE.md): the member's own, which keeps the
 * encrypted offline copy, or a shared computer, which clears this account's data from the
 * browser. Clearing with changes the server has not received first offers to wait until they
 * are sent, and drops them only when the member says so twice.
 */
export function SignOutDialog({ isOpen, onClose }: SignOutDialogProps): ReactElement {
  const { t } = useTranslation();
  const app = useApp();
  const { workspace, outbox } = useAccount();
  const key = useStore(app.keys.state);
  const isKeptHere = key.status === 'open' && key.isKeptHere;
  const [, navigate] = useLocation();
  const [choice, setChoice] = useState<Choice>(isKeptHere ? 'keep' : 'clear');
  const [phase, setPhase] = useState<Phase>('choose');
  const unsent = useTotalUnsent() + useOutbox().pending;
  const isOnline = useOnline();
  const action = useBusyAction();

  const signOut = (clearDevice: boolean): void => {
    action.run(
      () => app.signOut({ clearDevice }),
      () => navigate('/'),
    );
  };
  const latestSignOut = useRef(signOut);
  latestSignOut.current = signOut;

  // Waiting: send what is left (again when the network returns), and sign out once nothing is.
  const isAllSent = unsent === 0;
  useEffect(() => {
    if (phase !== 'waiting') {
      return;
    }
    if (isAllSent) {
      latestSignOut.current(true);
    } else if (isOnline) {
      void outbox.flush();
      workspace.refreshInBackground('signOut.send');
    }
  }, [phase, isAllSent, isOnline, outbox, workspace]);

  const close = (): void => {
    setPhase('choose');
    action.clearError();
    onClose();
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (choice === 'keep' || unsent === 0) {
      signOut(choice === 'clear');
    } else {
      setPhase('waiting');
    }
  };
  const mustWait = choice === 'clear' && unsent > 0;

  return (
    <Dialog isOpen={isOpen} onClose={close} title={t('device.signOutTitle')} className="sign-out-dialog">
      <form onSubmit={onSubmit}>
        <fieldset className="kind-grid" disabled={phase !== 'choose' || action.isBusy}>
          <legend className="dialog-prompt">{t('device.signOutChoose')}</legend>
          {(['keep', 'clear'] as const).map((each) => (
            <label key={each} className="kind-card" data-choice={each}>
              <input
                type="radio"
                name="device"
                value={each}
                checked={choice === each}
                onChange={() => setChoice(each)}
              />
              <span className="kind-card-name">{t(each === 'keep' ? 'device.keepOption' : 'device.clearOption')}</span>
              <span className="kind-card-hint">{t(each === 'keep' ? 'device.keepHint' : 'device.clearHint')}</span>
            </label>
          ))}
        </fieldset>
        {mustWait ? (
          <p className="notice is-warning" role="alert">
            {phase === 'discarding'
              ? t('device.discardConfirm', { count: unsent })
              : t('device.unsentWarning', { count: unsent })}
          </p>
        ) : null}
        {phase === 'waiting' ? (
          <p className="notice is-info" role="status">
            {isOnline ? t('device.waiting', { count: unsent }) : t('device.waitingOffline')}
          </p>
        ) : null}
        <FormError message={action.error} />
        {phase === 'discarding' ? (
          <DialogActions
            confirmLabel={t('device.discardConfirmAction')}
            onCancel={() => setPhase('choose')}
            onConfirm={() => signOut(true)}
            isDisabled={action.isBusy}
            isDanger
          />
        ) : (
          <>
            {mustWait && phase === 'choose' ? (
              <button
                type="button"
                className="button is-quiet is-small sign-out-discard"
                onClick={() => setPhase('discarding')}
              >
                {t('device.discard')}
              </button>
            ) : null}
            <DialogActions
              confirmLabel={
                action.isBusy ? t('device.signingOut') : mustWait ? t('device.waitAndSignOut') : t('device.signOut')
              }
              onCancel={close}
              isDisabled={action.isBusy || phase === 'waiting'}
            />
          </>
        )}
      </form>
    </Dialog>
  );
}

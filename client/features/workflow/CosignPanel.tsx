import type { TFunction } from 'i18next';
import { type ReactElement, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Action, can, DocKind, documentTarget, type UserId } from '../../../shared';
import type { Cosigner, DocRecord, Me, Person } from '../../../shared/api/schemas';
import { ClientErrorCode, hasErrorCode } from '../../core/errors';
import type { SignatureState } from '../../core/review';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useOnline } from '../../ui/hooks/useOnline';
import { useSignedSnapshots } from '../../ui/hooks/useReview';
import { useAccount } from '../../ui/services/useServices';
import { useBusyAction } from '../../ui/useBusyAction';
import { nameOf, peopleById } from '../docs/peopleNames';
import type { DocReviewContext } from '../document/reviewContext';
import { InviteCosignersDialog } from './InviteCosignersDialog';
import { useSignatureStates } from './useSignatureStates';

function stateLabel(cosigner: Cosigner, signature: SignatureState | undefined, t: TFunction): string {
  if (cosigner.state === 'invited') {
    return t('workflow.cosign.invited');
  }
  if (signature === 'outdated') {
    return t('workflow.cosign.signedEarlier');
  }
  return signature === 'current' ? t('workflow.cosign.signed') : t('workflow.cosign.signedUnknown');
}

/** Members of the group the proposer may still ask: not the proposer, not already asked or signed. */
function inviteCandidates(context: DocReviewContext, record: DocRecord, listed: readonly Cosigner[]): Person[] {
  const group = context.workspace?.groups.find((each) => each.id === record.groupId);
  const taken = new Set<UserId>(listed.map((each) => each.userId));
  const people = context.workspace?.people ?? [];
  return people.filter(
    (person) =>
      group?.memberIds.includes(person.id) === true &&
      person.isActive &&
      person.id !== record.createdBy &&
      !taken.has(person.id),
  );
}

function signErrorText(err: unknown, t: TFunction): string {
  if (hasErrorCode(err, ClientErrorCode.unsentChanges, ClientErrorCode.conflict)) {
    return t('workflow.cosign.unsent');
  }
  return errorText(err, t);
}

/**
 * 联名 of a proposal: who co-signs and whether they signed the current text, the proposer's
 * invitations, and for a co-signer signing, withdrawing, and signing again after later edits.
 */
export function CosignPanel(props: {
  readonly context: DocReviewContext;
  readonly record: DocRecord;
  readonly me: Me;
}): ReactElement | null {
  const { context, record, me } = props;
  const { t } = useTranslation();
  const { review } = useAccount();
  const isOnline = useOnline();
  const [dialog, setDialog] = useState<'invite' | 'sign' | 'withdraw' | null>(null);
  const sign = useBusyAction((err) => signErrorText(err, t));
  const listed = useMemo(() => record.cosigners.filter((each) => each.state !== 'withdrawn'), [record.cosigners]);
  const snapshots = useSignedSnapshots(record.id, listed);
  const states = useSignatureStates(context.session.doc, snapshots);
  const people = useMemo(() => peopleById(context.workspace?.people ?? []), [context.workspace?.people]);
  if (record.kind !== DocKind.proposal) {
    return null;
  }
  const target = documentTarget(record);
  const mine = listed.find((each) => each.userId === me.id);
  const isSigned = mine?.state === 'signed';
  const canInvite = can(me, Action.inviteCosigners, target);
  const canSign = can(me, Action.cosign, target);
  const myState = isSigned ? states.get(me.id) : undefined;
  const mySnapshot = snapshots.get(me.id);
  if (listed.length === 0 && !canInvite && !canSign) {
    return null;
  }
  const runSign = (): void =>
    sign.run(
      () => review.sign(record.id, context.session.doc),
      () => undefined,
    );
  const offlineTitle = isOnline ? undefined : t('workflow.cosign.needsOnline');
  return (
    <section className="cosign" aria-label={t('workflow.cosign.title')}>
      {myState === 'outdated' && mySnapshot !== undefined ? (
        <div className="banner is-warning cosign-outdated" role="status">
          <span>{t('workflow.cosign.outdated')}</span>
          <span className="cosign-outdated-actions">
            <button
              type="button"
              className="button is-small"
              onClick={() =>
                context.view.set({
                  kind: 'changes',
                  since: { kind: 'signature', userId: me.id, snapshot: mySnapshot },
                })
              }
            >
              {t('workflow.cosign.viewChanges')}
            </button>
            {canSign ? (
              <button
                type="button"
                className="button is-small is-primary"
                disabled={!isOnline || sign.isBusy}
                title={offlineTitle}
                onClick={runSign}
              >
                {t('workflow.cosign.resign')}
              </button>
            ) : null}
          </span>
        </div>
      ) : null}
      <div className="cosign-row">
        <span className="cosign-title">{t('workflow.cosign.title')}</span>
        {listed.length === 0 ? <span className="cosign-none">{t('workflow.cosign.none')}</span> : null}
        <ul className="chip-list">
          {listed.map((cosigner) => {
            const signature = states.get(cosigner.userId);
            const tone =
              cosigner.state === 'invited' ? 'is-invited' : signature === 'outdated' ? 'is-outdated' : 'is-signed';
            return (
              <li key={cosigner.userId} className={`cosigner ${tone}`}>
                <span className="cosigner-name">{nameOf(cosigner.userId, people, t)}</span>
                <span className="cosigner-state">{stateLabel(cosigner, signature, t)}</span>
              </li>
            );
          })}
        </ul>
        <span className="cosign-actions">
          {canInvite ? (
            <button
              type="button"
              className="button is-small"
              disabled={!isOnline}
              title={offlineTitle}
              onClick={() => setDialog('invite')}
            >
              {t('workflow.cosign.invite')}
            </button>
          ) : null}
          {canSign && !isSigned ? (
            <button
              type="button"
              className="button is-small is-primary"
              disabled={!isOnline || sign.isBusy}
              title={offlineTitle}
              onClick={() => setDialog('sign')}
            >
              {t('workflow.cosign.sign')}
            </button>
          ) : null}
          {canSign && isSigned ? (
            <button
              type="button"
              className="button is-small is-quiet"
              disabled={!isOnline}
              title={offlineTitle}
              onClick={() => setDialog('withdraw')}
            >
              {t('workflow.cosign.withdraw')}
            </button>
          ) : null}
        </span>
      </div>
      {sign.isBusy ? (
        <p className="cosign-note" role="status">
          {t('workflow.cosign.waitingUpload')}
        </p>
      ) : null}
      <FormError message={sign.error} />
      <InviteCosignersDialog
        isOpen={dialog === 'invite'}
        candidates={inviteCandidates(context, record, listed)}
        onInvite={(userIds) => review.inviteCosigners(record.id, userIds)}
        onClose={() => setDialog(null)}
      />
      <ConfirmDialog
        message={
          dialog === 'sign'
            ? t('workflow.cosign.signConfirm')
            : dialog === 'withdraw'
              ? t('workflow.cosign.withdrawConfirm')
              : null
        }
        title={dialog === 'withdraw' ? t('workflow.cosign.withdraw') : t('workflow.cosign.sign')}
        confirmLabel={dialog === 'withdraw' ? t('workflow.cosign.withdraw') : t('workflow.cosign.sign')}
        onConfirm={async () => {
          if (dialog === 'withdraw') {
            await review.withdrawSignature(record.id);
          } else {
            runSign();
          }
        }}
        onClose={() => setDialog(null)}
      />
    </section>
  );
}

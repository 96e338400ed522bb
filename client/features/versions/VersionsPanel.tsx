import { type ReactElement, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Action, can, documentTarget } from '../../../shared';
import { MAX_VERSION_NAME_LENGTH, type Version } from '../../../shared/api/review';
import { ClientErrorCode, hasErrorCode } from '../../core/errors';
import { decodeSnapshotBase64, restoreVersion } from '../../core/versions';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useOnline } from '../../ui/hooks/useOnline';
import { useDocActivity } from '../../ui/hooks/useReview';
import { NameDialog } from '../../ui/NameDialog';
import { useAccount, useApp } from '../../ui/services/useServices';
import { useBusyAction } from '../../ui/useBusyAction';
import { formatTime } from '../docs/formatTime';
import { type DocReviewContext, LIVE_VIEW } from '../document/reviewContext';
import { isReviewerOf } from '../workflow/isReviewerOf';
import { saveDocVersion } from './saveDocVersion';
import { VersionItem } from './VersionItem';
import { personNamer } from './VersionView';

/** Saving by hand and marking as reviewed: online only, for whoever may comment (P13). */
function SaveActions({ context }: { readonly context: DocReviewContext }): ReactElement | null {
  const { t } = useTranslation();
  const { api } = useApp();
  const account = useAccount();
  const services = { api, updates: account.store.updates, review: account.review };
  const isOnline = useOnline();
  const [isNaming, setNaming] = useState(false);
  const toText = (err: unknown) =>
    hasErrorCode(err, ClientErrorCode.unsentChanges) ? t('versions.notSent') : errorText(err, t);
  const review = useBusyAction(toText);
  const { me, record, session } = context;
  if (me === null || record === undefined || !can(me, Action.saveVersion, documentTarget(record))) {
    return null;
  }
  const markReviewed = () =>
    review.run(
      () => saveDocVersion(services, session, { name: t('versions.markReviewedName'), isReview: true }),
      () => {},
    );
  return (
    <div className="versions-actions">
      <button type="button" className="button is-small" disabled={!isOnline} onClick={() => setNaming(true)}>
        {t('versions.save')}
      </button>
      {isReviewerOf(me, record) ? (
        <button type="button" className="button is-small" disabled={!isOnline || review.isBusy} onClick={markReviewed}>
          {t('versions.markReviewed')}
        </button>
      ) : null}
      {isOnline ? null : <p className="versions-hint">{t('versions.offlineHint')}</p>}
      <FormError message={review.error} />
      <NameDialog
        isOpen={isNaming}
        title={t('versions.saveTitle')}
        label={t('versions.nameLabel')}
        placeholder={t('versions.namePlaceholder')}
        initial=""
        maxLength={MAX_VERSION_NAME_LENGTH}
        onSubmit={async (name) => {
          await saveDocVersion(services, session, { name, isReview: false });
        }}
        toErrorText={toText}
        onClose={() => setNaming(false)}
      />
    </div>
  );
}

/**
 * The tab 版本: the document's versions, newest first, with who saved them and why; each can be
 * viewed, compared with another or with now, and restored by someone who may edit.
 */
export function VersionsPanel({ context }: { readonly context: DocReviewContext }): ReactElement {
  const { t, i18n } = useTranslation();
  const activity = useDocActivity(context.docId);
  const [picked, setPicked] = useState<Version | null>(null);
  const [restoring, setRestoring] = useState<Version | null>(null);
  const people = context.workspace?.people;
  const nameOf = useMemo(() => personNamer(people ?? [], t), [people, t]);
  const versions = useMemo(() => [...(activity?.versions ?? [])].reverse(), [activity]);
  const now = Date.now();

  const onCompare = (version: Version) => {
    if (picked === null) {
      setPicked(version);
    } else if (picked.id === version.id) {
      setPicked(null);
    } else {
      context.view.set({ kind: 'compare', fromVersionId: picked.id, toVersionId: version.id });
      setPicked(null);
    }
  };
  const restore = async (version: Version | null) => {
    if (version === null) {
      return;
    }
    const snapshot = decodeSnapshotBase64(version.snapshot);
    if (snapshot === null) {
      throw new Error(t('versions.badSnapshot'));
    }
    try {
      restoreVersion(context.session.doc, snapshot);
    } catch (err) {
      throw hasErrorCode(err, ClientErrorCode.notOnDevice) ? new Error(t('versions.restoreNotOnDevice')) : err;
    }
    context.view.set(LIVE_VIEW);
  };

  let list: ReactElement;
  if (activity === null) {
    list = <p className="versions-empty">{t('versions.loading')}</p>;
  } else if (versions.length === 0) {
    list = <p className="versions-empty">{t('versions.empty')}</p>;
  } else {
    list = (
      <ol className="versions-list" aria-label={t('versions.listLabel')}>
        {versions.map((version) => (
          <VersionItem
            key={version.id}
            version={version}
            who={nameOf(version.createdBy)}
            when={formatTime(version.createdAt, now, i18n.language, t)}
            isLastReviewed={activity.lastReviewedVersionId === version.id}
            pick={picked === null ? 'none' : picked.id === version.id ? 'this' : 'other'}
            isRestorable={context.isEditable}
            onView={() => context.view.set({ kind: 'version', versionId: version.id })}
            onCompare={() => onCompare(version)}
            onCompareWithLive={() =>
              context.view.set({ kind: 'changes', since: { kind: 'version', versionId: version.id } })
            }
            onRestore={() => setRestoring(version)}
          />
        ))}
      </ol>
    );
  }
  return (
    <div className="versions-panel">
      <SaveActions context={context} />
      {picked === null ? null : (
        <p className="versions-pick" role="status">
          {t('versions.comparePick', { name: picked.name })}
        </p>
      )}
      {list}
      <ConfirmDialog
        message={restoring === null ? null : t('versions.restoreConfirm', { name: restoring.name })}
        title={t('versions.restoreTitle')}
        confirmLabel={t('versions.restore')}
        onConfirm={() => restore(restoring)}
        onClose={() => setRestoring(null)}
      />
    </div>
  );
}

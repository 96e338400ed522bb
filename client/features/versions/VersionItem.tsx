import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Version } from '../../../shared/api/review';

export interface VersionItemProps {
  readonly version: Version;
  /** Who saved it, by name. */
  readonly who: string;
  /** When, as the document list words times. */
  readonly when: string;
  readonly isLastReviewed: boolean;
  /** Whether a comparison is being picked, and whether this version is its first pick. */
  readonly pick: 'none' | 'this' | 'other';
  readonly isRestorable: boolean;
  readonly onView: () => void;
  readonly onCompare: () => void;
  readonly onCompareWithLive: () => void;
  readonly onRestore: () => void;
}

/** One version in the list: its name, why and by whom it was saved, and what can be done with it. */
export function VersionItem(props: VersionItemProps): ReactElement {
  const { t } = useTranslation();
  const { version, pick } = props;
  const className = ['version-item', pick === 'this' ? 'is-picked' : '', props.isLastReviewed ? 'is-reviewed' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <li className={className} data-version-id={version.id}>
      <div className="version-item-head">
        <span className="version-name">{version.name}</span>
        <span className={`version-cause is-${version.cause}`}>{t(`versions.cause.${version.cause}`)}</span>
      </div>
      <div className="version-meta">{t('versions.byAt', { name: props.who, time: props.when })}</div>
      {props.isLastReviewed ? <div className="version-flag">{t('versions.lastReviewed')}</div> : null}
      <div className="version-actions">
        <button type="button" className="button is-quiet is-small" onClick={props.onView}>
          {t('versions.view')}
        </button>
        <button
          type="button"
          className={pick === 'other' ? 'button is-primary is-small' : 'button is-quiet is-small'}
          aria-pressed={pick === 'this'}
          onClick={props.onCompare}
        >
          {pick === 'this' ? t('versions.compareCancel') : t('versions.compare')}
        </button>
        <button type="button" className="button is-quiet is-small" onClick={props.onCompareWithLive}>
          {t('versions.compareWithLive')}
        </button>
        {props.isRestorable ? (
          <button type="button" className="button is-quiet is-small" onClick={props.onRestore}>
            {t('versions.restore')}
          </button>
        ) : null}
      </div>
    </li>
  );
}

import { type ReactElement, type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOC_KINDS, type DocKind } from '../../../shared';
import { toError } from '../../lib/toError';

export interface CreateDocDialogProps {
  readonly onCreate: (kind: DocKind) => Promise<void>;
  readonly ref: Ref<HTMLDialogElement>;
}

/** Chooses the kind of a new document: each comes with the headings of its official form. */
export function CreateDocDialog({ onCreate, ref }: CreateDocDialogProps): ReactElement {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const choose = (kind: DocKind): void => {
    setBusy(true);
    setError(null);
    onCreate(kind).then(
      () => setBusy(false),
      (err: unknown) => {
        setBusy(false);
        setError(t('create.failed', { error: toError(err).message }));
      },
    );
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="create-title">
      <h2 id="create-title">{t('create.heading')}</h2>
      <p className="dialog-prompt">{t('create.prompt')}</p>
      <div className="kind-grid">
        {DOC_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`kind-card kind-${kind}`}
            data-kind={kind}
            disabled={isBusy}
            onClick={() => choose(kind)}
          >
            <span className="kind-card-name">{t(`kind.${kind}`)}</span>
            <span className="kind-card-hint">{t(`kindHint.${kind}`)}</span>
          </button>
        ))}
      </div>
      {error === null ? null : <p className="form-error">{error}</p>}
      <form method="dialog" className="dialog-actions">
        <button type="submit" className="button">
          {t('create.cancel')}
        </button>
      </form>
    </dialog>
  );
}

import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** Why a photo or attachment was not inserted or cannot be opened, until the member closes it. */
export function FileProblem({
  text,
  onDismiss,
}: {
  readonly text: string;
  readonly onDismiss: () => void;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="problem-box file-problem" role="alert">
      <p>{text}</p>
      <button type="button" className="link-button" onClick={onDismiss}>
        {t('common.close')}
      </button>
    </div>
  );
}

import { type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from './copyText';

/** How long "已复制" stays on the button. */
const COPIED_SHOWN_MS = 2_000;

export interface CopyButtonProps {
  readonly text: string;
  /** The button's text; "复制" by default. */
  readonly label?: string;
  readonly className?: string;
}

/** Copies a secret or a link shown once, and says whether it worked. */
export function CopyButton({ text, label, className }: CopyButtonProps): ReactElement {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') {
      return undefined;
    }
    const timer = setTimeout(() => setState('idle'), COPIED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [state]);
  const onClick = (): void => {
    void copyText(text).then((isCopied) => setState(isCopied ? 'copied' : 'failed'));
  };
  return (
    <>
      <button type="button" className={className ?? 'button'} onClick={onClick}>
        {state === 'copied' ? t('common.copied') : (label ?? t('common.copy'))}
      </button>
      {state === 'failed' ? (
        <span className="field-note is-error" role="status">
          {t('common.copyFailed')}
        </span>
      ) : null}
    </>
  );
}

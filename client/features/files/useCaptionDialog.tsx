import { type ReactElement, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTO_ALT } from '../../../shared/domain/docFileNodes';
import { NameDialog } from '../../ui/NameDialog';

/**
 * The dialog that asks for a photo's caption. `ask` opens it with the current caption and resolves
 * with the one saved (possibly empty), or null when it is cancelled.
 */
export function useCaptionDialog(): {
  readonly ask: (current: string) => Promise<string | null>;
  readonly dialog: ReactElement;
} {
  const { t } = useTranslation();
  const [asked, setAsked] = useState<string | null>(null);
  const answer = useRef<((caption: string | null) => void) | null>(null);
  const settle = (caption: string | null): void => {
    answer.current?.(caption);
    answer.current = null;
    setAsked(null);
  };
  const ask = useCallback((current: string): Promise<string | null> => {
    answer.current?.(null);
    setAsked(current);
    return new Promise((resolve) => {
      answer.current = resolve;
    });
  }, []);
  const dialog = (
    <NameDialog
      isOpen={asked !== null}
      title={t('files.captionTitle')}
      label={t('files.captionLabel')}
      placeholder={t('files.captionHint')}
      initial={asked ?? ''}
      maxLength={MAX_PHOTO_ALT}
      isEmptyAllowed
      onSubmit={async (caption) => settle(caption)}
      onClose={() => settle(null)}
    />
  );
  return { ask, dialog };
}

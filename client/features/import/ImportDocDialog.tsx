import type { TFunction } from 'i18next';
import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { DOC_KINDS, DocKind, type GroupId } from '../../../shared';
import { Dialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useAccount } from '../../ui/services/useServices';
import { checkImportFile, ImportError, MAX_IMPORT_BYTES } from './readImportFile';

export interface ImportDocDialogProps {
  readonly groupId: GroupId;
  readonly isOpen: boolean;
  readonly onClose: () => void;
}

const Stage = { reading: 'reading', converting: 'converting', creating: 'creating' } as const;
type Stage = (typeof Stage)[keyof typeof Stage];
const STAGES: readonly Stage[] = [Stage.reading, Stage.converting, Stage.creating];

function problemText(err: unknown, t: TFunction): string {
  if (err instanceof ImportError) {
    return t(`import.problem.${err.problem}`, { limit: MAX_IMPORT_BYTES / 1024 / 1024 });
  }
  return t('import.failed', { error: errorText(err, t) });
}

/**
 * A Word or Markdown file as a new draft of a kind in the group, like 新建 but with the file's
 * title and body: converted on the device (offline too), created through the same path as a new
 * document, then opened.
 */
export function ImportDocDialog({ groupId, isOpen, onClose }: ImportDocDialogProps): ReactElement {
  const { t } = useTranslation();
  const { workspace, store, files } = useAccount();
  const [, navigate] = useLocation();
  const fileId = useId();
  const [kind, setKind] = useState<DocKind>(DocKind.proposal);
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const choose = (chosen: File | null): void => {
    setFile(chosen);
    setError(null);
    if (chosen !== null) {
      try {
        checkImportFile(chosen);
      } catch (err) {
        setError(problemText(err, t));
      }
    }
  };
  const close = (): void => {
    setFile(null);
    setError(null);
    onClose();
  };
  const run = async (chosen: File): Promise<string> => {
    setStage(Stage.reading);
    const format = checkImportFile(chosen);
    const bytes = await chosen.arrayBuffer();
    setStage(Stage.converting);
    // The converters (mammoth, marked, the editor's schema) load only when someone imports.
    const [{ importBytes }, { browserDownscale }] = await Promise.all([
      import('./importDocument'),
      import('./importImages'),
    ]);
    const imported = await importBytes(format, bytes, chosen.name, browserDownscale);
    setStage(Stage.creating);
    // The photos' bytes are on the device before any document names them.
    for (const file of imported.files) {
      await store.files.save(file);
    }
    const docId = await workspace.createDocument({ kind, groupId, title: imported.title, content: imported.content });
    // Then sent to the server with the document, through the outbox.
    for (const file of imported.files) {
      await files.keepBytes(
        docId,
        new Uint8Array(file.bytes),
        file.mediaType,
        `${chosen.name} #${file.sha256.slice(0, 8)}`,
      );
    }
    return docId;
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (stage !== null) {
      return;
    }
    if (file === null) {
      setError(t('import.chooseFirst'));
      return;
    }
    setError(null);
    run(file).then(
      (docId) => {
        setStage(null);
        close();
        navigate(`/d/${docId}`);
      },
      (err: unknown) => {
        setStage(null);
        setError(problemText(err, t));
      },
    );
  };
  const step = stage === null ? 0 : STAGES.indexOf(stage) + 1;
  return (
    <Dialog isOpen={isOpen} onClose={close} title={t('import.heading')}>
      <form onSubmit={onSubmit} aria-label={t('import.heading')}>
        <p className="dialog-prompt">{t('import.prompt')}</p>
        <fieldset className="kind-grid">
          <legend className="visually-hidden">{t('import.kindLabel')}</legend>
          {DOC_KINDS.map((each) => (
            <label key={each} className={`kind-card kind-${each}`} data-kind={each}>
              <input type="radio" name="kind" value={each} checked={kind === each} onChange={() => setKind(each)} />
              <span className="kind-card-name">{t(`kind.${each}`)}</span>
              <span className="kind-card-hint">{t(`kindHint.${each}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="file-field">
          <label htmlFor={fileId}>{t('import.fileLabel')}</label>
          <input
            id={fileId}
            type="file"
            accept=".docx,.md,.markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown"
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
          />
          <small className="case-note">{t('import.hint')}</small>
        </div>
        {stage === null ? null : (
          <div className="upload-progress" role="status">
            <progress max={STAGES.length} value={step} aria-label={t('import.progress')} />
            <span>{t(`import.stage.${stage}`)}</span>
          </div>
        )}
        <FormError message={error} />
        <DialogActions confirmLabel={t('import.submit')} onCancel={close} isDisabled={stage !== null} />
      </form>
    </Dialog>
  );
}

import type { TFunction } from 'i18next';
import { type FormEvent, type ReactElement, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { Action, can, DocKind, FIELDS_BY_KIND, FieldKey, type GroupId, MAX_TITLE_LENGTH } from '../../../shared';
import type { Me } from '../../../shared/api/schemas';
import { preparePhoto, sha256Of } from '../../core/files';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useOnline } from '../../ui/hooks/useOnline';
import { useWorkspace } from '../../ui/hooks/useWorkspace';
import { useAccount, useApp } from '../../ui/services/useServices';
import { TextField } from '../../ui/TextField';
import { Page } from '../shell/Page';
import { type CapturedPhoto, CapturePhotos, MAX_CAPTURE_PHOTOS } from './CapturePhotos';
import { type CaptureDraft, EMPTY_CAPTURE, type KeptCapture } from './keptCapture';
import { useKeptCapture } from './useKeptCapture';

/** The 反映地区 field's limit, which the place is written into. */
const MAX_PLACE_LENGTH = (() => {
  const spec = FIELDS_BY_KIND[DocKind.socialInfo].find((field) => field.key === FieldKey.region)?.spec;
  return spec?.type === 'text' ? spec.maxLength : 100;
})();
const MAX_CONTACT_LENGTH = 100;

type Draft = CaptureDraft;

type Problems = Partial<Record<keyof Draft, string>>;

function problemsOf(draft: Draft, t: TFunction): Problems {
  const problems: Problems = {};
  const title = draft.title.trim();
  if (title === '') {
    problems.title = t('capture.problem.titleMissing');
  } else if ([...title].length > MAX_TITLE_LENGTH) {
    problems.title = t('capture.problem.titleTooLong', { max: MAX_TITLE_LENGTH });
  }
  if (draft.happened.trim() === '') {
    problems.happened = t('capture.problem.happenedMissing');
  }
  if (draft.place.trim().length > MAX_PLACE_LENGTH) {
    problems.place = t('capture.problem.placeTooLong', { max: MAX_PLACE_LENGTH });
  }
  if (draft.contact.trim().length > MAX_CONTACT_LENGTH) {
    problems.contact = t('capture.problem.contactTooLong', { max: MAX_CONTACT_LENGTH });
  }
  return problems;
}

/**
 * `/capture`: a social-conditions report (社情民意信息) from the phone in a minute. Title, what
 * happened, where, up to three photos and the reporter's contact become a draft of the member's
 * group, made on the device (offline too) through the same path as 新建, then opened.
 */
export function CapturePage({ me }: { readonly me: Me }): ReactElement {
  const { t } = useTranslation();
  const { workspace, store, files } = useAccount();
  const { diagnostics } = useApp();
  const cached = useWorkspace();
  const isOnline = useOnline();
  const [, navigate] = useLocation();
  const groupFieldId = useId();
  const happenedId = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY_CAPTURE);
  const [photos, setPhotos] = useState<readonly CapturedPhoto[]>([]);
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<string | null>(null);
  const [preparing, setPreparing] = useState(0);
  const [isSaving, setSaving] = useState(false);
  const [chosenGroup, setChosenGroup] = useState<GroupId | null>(null);
  const urls = useRef(new Set<string>());
  useEffect(() => {
    const shown = urls.current;
    return () => {
      for (const url of shown) {
        URL.revokeObjectURL(url);
      }
    };
  }, []);
  const urlOf = useCallback((bytes: Uint8Array<ArrayBuffer>, mediaType: string): string => {
    const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
    urls.current.add(url);
    return url;
  }, []);

  // What is typed and taken is kept on the device (sealed), and comes back after the phone's
  // browser dropped the page while the camera was open; saving the report forgets it.
  const restore = useCallback(
    (kept: KeptCapture): void => {
      setDraft(kept.draft);
      setChosenGroup(kept.groupId as GroupId | null);
      setPhotos(kept.photos.map((photo) => ({ ...photo, url: urlOf(photo.bytes, photo.mediaType) })));
    },
    [urlOf],
  );
  const kept = useKeptCapture(store, { draft, groupId: chosenGroup, photos }, restore, isSaving);
  const startOver = (): void => {
    setDraft(EMPTY_CAPTURE);
    setPhotos([]);
    setProblems({});
    setError(null);
    kept.startOver();
  };

  const writable = (cached?.groups ?? []).filter((group) =>
    can(me, Action.createDocument, { type: 'group', groupId: group.id }),
  );
  const groupId = writable.find((group) => group.id === chosenGroup)?.id ?? writable[0]?.id ?? null;
  const set = (key: keyof Draft) => (value: string) => {
    setDraft((before) => ({ ...before, [key]: value }));
    setProblems((before) => ({ ...before, [key]: undefined }));
  };

  const addPhotos = async (chosen: readonly File[]): Promise<void> => {
    const room = MAX_CAPTURE_PHOTOS - photos.length;
    setError(room < chosen.length ? t('capture.problem.tooManyPhotos', { max: MAX_CAPTURE_PHOTOS }) : null);
    for (const file of chosen.slice(0, Math.max(0, room))) {
      setPreparing((count) => count + 1);
      try {
        const prepared = await preparePhoto(file);
        const sha256 = await sha256Of(prepared.bytes);
        const url = urlOf(prepared.bytes, prepared.mediaType);
        setPhotos((before) =>
          before.some((each) => each.sha256 === sha256) || before.length >= MAX_CAPTURE_PHOTOS
            ? before
            : [...before, { ...prepared, sha256, name: file.name, url }],
        );
      } catch {
        setError(t('capture.problem.notPicture', { name: file.name }));
      } finally {
        setPreparing((count) => count - 1);
      }
    }
  };
  const removePhoto = (index: number): void => {
    setPhotos((before) => before.filter((_, at) => at !== index));
  };

  const save = async (target: GroupId): Promise<string> => {
    const { captureContent } = await import('./captureBody');
    const content = captureContent({
      happened: draft.happened,
      place: draft.place.trim(),
      contact: draft.contact.trim(),
      photos: photos.map(({ sha256, mediaType, width, height }) => ({ sha256, mediaType, width, height, alt: '' })),
    });
    const storedAt = Date.now();
    // The photos' bytes are on the device before the document that shows them exists.
    for (const photo of photos) {
      await store.files.save({ sha256: photo.sha256, mediaType: photo.mediaType, bytes: photo.bytes, storedAt });
    }
    const docId = await workspace.createDocument({
      kind: DocKind.socialInfo,
      groupId: target,
      title: draft.title.trim(),
      content,
    });
    // The report exists: what was kept for it goes at once, so that it is never saved twice.
    await kept.forget().catch((err: unknown) => diagnostics.report('capture.forget', err));
    // Then queued for upload with the document, through the outbox. The photos are on the device
    // already: should queueing fail, the report still opens with them.
    for (const photo of photos) {
      await files
        .keepBytes(docId, photo.bytes, photo.mediaType, photo.name)
        .catch((err: unknown) => diagnostics.report('capture.upload', err));
    }
    return docId;
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (isSaving || groupId === null) {
      return;
    }
    const found = problemsOf(draft, t);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setError(t('capture.problem.fix'));
      // The first field to correct gets the focus once it is marked.
      const form = event.currentTarget as HTMLFormElement;
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setError(null);
    setSaving(true);
    save(groupId).then(
      (docId) => navigate(`/d/${docId}`),
      (err: unknown) => {
        setSaving(false);
        setError(t('capture.failed', { error: errorText(err, t) }));
      },
    );
  };

  return (
    <Page title={t('capture.title')} className="capture-page">
      <h1>{t('capture.title')}</h1>
      <p className="section-note">{t('capture.intro')}</p>
      {groupId === null ? (
        <p className="empty-note">{cached === null ? t('capture.loading') : t('capture.noGroup')}</p>
      ) : (
        <form className="capture-form" onSubmit={onSubmit} noValidate aria-label={t('capture.title')}>
          {kept.isRestored ? (
            <div className="notice is-info capture-restored" role="status">
              <span>{t('capture.restored')}</span>
              <button type="button" className="button is-small" onClick={startOver}>
                {t('capture.startOver')}
              </button>
            </div>
          ) : null}
          {writable.length > 1 ? (
            <div className="field">
              <label htmlFor={groupFieldId}>{t('capture.groupLabel')}</label>
              <select id={groupFieldId} value={groupId} onChange={(e) => setChosenGroup(e.target.value as GroupId)}>
                {writable.map((group) => (
                  <option key={group.id} value={group.id}>
                    {group.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <TextField
            label={t('capture.titleLabel')}
            placeholder={t('capture.titleHint')}
            value={draft.title}
            onChange={(e) => set('title')(e.target.value)}
            error={problems.title ?? null}
            required
            enterKeyHint="next"
          />
          <div className="field">
            <label htmlFor={happenedId}>{t('capture.happenedLabel')}</label>
            <textarea
              id={happenedId}
              rows={6}
              placeholder={t('capture.happenedHint')}
              value={draft.happened}
              onChange={(e) => set('happened')(e.target.value)}
              required
              aria-invalid={problems.happened === undefined ? undefined : true}
              aria-describedby={problems.happened === undefined ? undefined : `${happenedId}-note`}
            />
            {problems.happened === undefined ? null : (
              <small id={`${happenedId}-note`} className="is-error">
                {problems.happened}
              </small>
            )}
          </div>
          <TextField
            label={t('capture.placeLabel')}
            placeholder={t('capture.placeHint')}
            value={draft.place}
            onChange={(e) => set('place')(e.target.value)}
            error={problems.place ?? null}
            maxLength={MAX_PLACE_LENGTH}
          />
          <CapturePhotos
            photos={photos}
            isPreparing={preparing > 0}
            isDisabled={isSaving}
            onAdd={(chosen) => void addPhotos(chosen)}
            onRemove={removePhoto}
          />
          <TextField
            label={t('capture.contactLabel')}
            hint={t('capture.contactHint')}
            value={draft.contact}
            onChange={(e) => set('contact')(e.target.value)}
            error={problems.contact ?? null}
            maxLength={MAX_CONTACT_LENGTH}
            autoComplete="off"
          />
          {isOnline ? null : <p className="field-note">{t('capture.offlineNote')}</p>}
          <FormError message={error} />
          <button type="submit" className="button is-primary capture-save" disabled={isSaving || preparing > 0}>
            {isSaving ? t('capture.saving') : t('capture.save')}
          </button>
        </form>
      )}
    </Page>
  );
}

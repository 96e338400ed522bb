import { type ChangeEvent, type ReactElement, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreparedPhoto } from '../../core/files';

/** A photo taken in on the capture page: downscaled, named by its SHA-256, shown from an object URL. */
export interface CapturedPhoto extends PreparedPhoto {
  readonly sha256: string;
  readonly name: string;
  readonly url: string;
}

/** How many photos one report takes. */
export const MAX_CAPTURE_PHOTOS = 3;

export interface CapturePhotosProps {
  readonly photos: readonly CapturedPhoto[];
  readonly isPreparing: boolean;
  readonly isDisabled: boolean;
  readonly onAdd: (files: readonly File[]) => void;
  readonly onRemove: (index: number) => void;
}

/** 现场照片: 拍照 with the back camera or 从相册选择, previews with 删除, at most three. */
export function CapturePhotos({ photos, isPreparing, isDisabled, onAdd, onRemove }: CapturePhotosProps): ReactElement {
  const { t } = useTranslation();
  const cameraRef = useRef<HTMLInputElement>(null);
  const galleryRef = useRef<HTMLInputElement>(null);
  const isFull = photos.length >= MAX_CAPTURE_PHOTOS;
  const onChange = (event: ChangeEvent<HTMLInputElement>): void => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = '';
    if (chosen.length > 0) {
      onAdd(chosen);
    }
  };
  return (
    <fieldset className="field capture-photos">
      <legend>{t('capture.photosLabel', { max: MAX_CAPTURE_PHOTOS })}</legend>
      {photos.length === 0 ? null : (
        <ul className="capture-previews">
          {photos.map((photo, index) => (
            <li key={photo.sha256}>
              <img src={photo.url} alt={t('capture.photoAlt', { n: index + 1 })} />
              <button
                type="button"
                className="capture-remove"
                aria-label={t('capture.removePhoto', { n: index + 1 })}
                disabled={isDisabled}
                onClick={() => onRemove(index)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {isPreparing ? <small role="status">{t('capture.preparing')}</small> : null}
      <div className="capture-photo-actions">
        <button
          type="button"
          className="button"
          disabled={isFull || isDisabled || isPreparing}
          onClick={() => cameraRef.current?.click()}
        >
          {t('capture.takePhoto')}
        </button>
        <button
          type="button"
          className="button"
          disabled={isFull || isDisabled || isPreparing}
          onClick={() => galleryRef.current?.click()}
        >
          {t('capture.choosePhoto')}
        </button>
      </div>
      <input
        ref={cameraRef}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        aria-label={t('capture.takePhoto')}
        onChange={onChange}
      />
      <input
        ref={galleryRef}
        type="file"
        accept="image/*"
        multiple
        hidden
        aria-label={t('capture.choosePhoto')}
        onChange={onChange}
      />
    </fieldset>
  );
}

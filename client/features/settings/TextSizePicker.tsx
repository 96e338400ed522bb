import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeTextSize, savedTextSize, TEXT_SIZES, type TextSize } from '../../ui/textSize';

/** 文字大小: 标准 / 大 / 特大 for this device, applied at once to the whole app. */
export function TextSizePicker(): ReactElement {
  const { t } = useTranslation();
  const [size, setSize] = useState<TextSize>(savedTextSize);
  const choose = (next: TextSize) => {
    changeTextSize(next);
    setSize(next);
  };
  return (
    <fieldset className="text-size-picker">
      <legend className="visually-hidden">{t('textSize.legend')}</legend>
      <div className="text-size-options">
        {TEXT_SIZES.map((each) => (
          <label key={each} className={`text-size-option is-${each}`}>
            <input type="radio" name="text-size" value={each} checked={size === each} onChange={() => choose(each)} />
            <span>{t(`textSize.${each}`)}</span>
          </label>
        ))}
      </div>
      <p className="text-size-sample">{t('textSize.sample')}</p>
    </fieldset>
  );
}

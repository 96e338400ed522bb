import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Figures } from '../../../shared/domain/figures';
import { percentText } from './figuresTables';

interface Tile {
  readonly key: keyof Figures & string;
  readonly label: string;
  readonly value: string;
  readonly note: string | null;
  readonly isAlert?: boolean;
}

/** The headline figures (收到、立案、不予立案、办复率、满意率…) as tiles: two a row on a phone, more on a wide screen. */
export function FiguresTiles({ figures }: { readonly figures: Figures }): ReactElement {
  const { t } = useTranslation();
  const tiles: Tile[] = [
    {
      key: 'received',
      label: t('figures.tiles.received'),
      value: String(figures.received),
      note: figures.pending > 0 ? t('figures.tileNote.received', { count: figures.pending }) : null,
    },
    {
      key: 'filed',
      label: t('figures.tiles.filed'),
      value: String(figures.filed),
      note: figures.key > 0 ? t('figures.tileNote.filed', { count: figures.key }) : null,
    },
    { key: 'notFiled', label: t('figures.tiles.notFiled'), value: String(figures.notFiled), note: null },
    { key: 'merged', label: t('figures.tiles.merged'), value: String(figures.merged), note: null },
    { key: 'handedOver', label: t('figures.tiles.handedOver'), value: String(figures.handedOver), note: null },
    {
      key: 'answerRate',
      label: t('figures.tiles.answerRate'),
      value: percentText(figures.answerRate),
      note: t('figures.tileNote.answerRate', { answered: figures.answered, handed: figures.handedOver }),
    },
    {
      key: 'onTimeRate',
      label: t('figures.tiles.onTimeRate'),
      value: percentText(figures.onTimeRate),
      note: t('figures.tileNote.onTimeRate', { count: figures.answeredOnTime }),
    },
    {
      key: 'satisfactionRate',
      label: t('figures.tiles.satisfactionRate'),
      value: percentText(figures.satisfactionRate),
      note: t('figures.tileNote.satisfactionRate', { count: figures.rated }),
    },
    {
      key: 'overdue',
      label: t('figures.tiles.overdue'),
      value: String(figures.overdue),
      note: null,
      isAlert: figures.overdue > 0,
    },
  ];
  return (
    <dl className="figures-tiles">
      {tiles.map((tile) => (
        <div
          key={tile.key}
          className={tile.isAlert === true ? 'figures-tile is-alert' : 'figures-tile'}
          data-tile={tile.key}
        >
          <dt>{tile.label}</dt>
          <dd className="figures-tile-value">{tile.value}</dd>
          {tile.note === null ? null : <dd className="figures-tile-note">{tile.note}</dd>}
        </div>
      ))}
    </dl>
  );
}

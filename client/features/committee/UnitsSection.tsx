import { type ReactElement, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_UNIT_NAME_LENGTH, type Unit } from '../../../shared/api/handling';
import { DataTableHead } from '../../ui/DataTableHead';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { InlineNameForm } from '../../ui/InlineNameForm';
import { NameDialog } from '../../ui/NameDialog';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { useBusyAction } from '../../ui/useBusyAction';
import { nameErrorText } from './nameErrorText';

/** 承办单位: add one, rename, deactivate (it keeps its cases, takes no new ones) and activate again. */
export function UnitsSection({ isOnline }: { readonly isOnline: boolean }): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const units = useApiData(useCallback(() => api.handling.listUnits(), [api]));
  const [renaming, setRenaming] = useState<Unit | null>(null);
  const toggling = useBusyAction();
  const list = units.status === 'ready' ? units.value : [];
  return (
    <section className="card" aria-labelledby="units-title">
      <h2 id="units-title">{t('committee.unitsTitle')}</h2>
      <InlineNameForm
        id="new-unit-name"
        label={t('committee.unitName')}
        placeholder={t('committee.unitNamePlaceholder')}
        maxLength={MAX_UNIT_NAME_LENGTH}
        submitLabel={t('committee.addUnit')}
        isDisabled={!isOnline}
        toErrorText={nameErrorText('unit', t)}
        onSubmit={async (name) => {
          await api.handling.createUnit(name);
          units.reload();
        }}
      />
      <FormError message={units.status === 'failed' ? errorText(units.error, t) : toggling.error} />
      {units.status === 'ready' && list.length === 0 ? <p className="empty-note">{t('committee.unitsEmpty')}</p> : null}
      {list.length > 0 ? (
        <table className="data-table units-table">
          <DataTableHead columns={[t('committee.colUnit'), t('committee.colUnitState')]} hasActions />
          <tbody>
            {list.map((unit) => (
              <tr key={unit.id} data-unit={unit.name} className={unit.isActive ? undefined : 'is-inactive'}>
                <td className="cell-name">{unit.name}</td>
                <td>
                  <span className={unit.isActive ? 'state is-on' : 'state is-off'}>
                    {unit.isActive ? t('committee.unitActive') : t('committee.unitInactive')}
                  </span>
                </td>
                <td className="cell-actions">
                  {isOnline ? (
                    <>
                      <button type="button" className="button is-small" onClick={() => setRenaming(unit)}>
                        {t('committee.rename')}
                      </button>
                      <button
                        type="button"
                        className="button is-small"
                        disabled={toggling.isBusy}
                        onClick={() =>
                          toggling.run(
                            () => api.handling.updateUnit(unit.id, { isActive: !unit.isActive }),
                            units.reload,
                          )
                        }
                      >
                        {unit.isActive ? t('committee.deactivate') : t('committee.activate')}
                      </button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <NameDialog
        isOpen={renaming !== null}
        title={t('committee.renameUnit')}
        label={t('committee.unitName')}
        initial={renaming?.name ?? ''}
        maxLength={MAX_UNIT_NAME_LENGTH}
        toErrorText={nameErrorText('unit', t)}
        onSubmit={async (name) => {
          if (renaming !== null) {
            await api.handling.updateUnit(renaming.id, { name });
            units.reload();
          }
        }}
        onClose={() => setRenaming(null)}
      />
    </section>
  );
}

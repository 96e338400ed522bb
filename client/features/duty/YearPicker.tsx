import { type ReactElement, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { currentCommitteeYear, yearChoices } from './dutyModel';

/** The year the address asks for (`?year=2026`), else the committee's current one. */
export function useYearParam(): [number, (year: number) => void] {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const asked = Number(new URLSearchParams(search).get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : currentCommitteeYear(Date.now());
  const setYear = useCallback(
    (next: number) => {
      const params = new URLSearchParams(search);
      params.set('year', String(next));
      navigate(`${location}?${params.toString()}`, { replace: true });
    },
    [location, navigate, search],
  );
  return [year, setYear];
}

/** The year select of the duty pages: this year and the four before (a year in the address outside them is kept). */
export function YearPicker({ year, onChange }: { readonly year: number; readonly onChange: (year: number) => void }) {
  const { t } = useTranslation();
  const choices = yearChoices(Date.now());
  const years = choices.includes(year) ? choices : [year, ...choices];
  return (
    <label className="duty-filter">
      <span>{t('duty.year')}</span>
      <select value={year} onChange={(event) => onChange(Number(event.target.value))}>
        {years.map((each) => (
          <option key={each} value={each}>
            {t('duty.yearOption', { year: each })}
          </option>
        ))}
      </select>
    </label>
  ) satisfies ReactElement;
}

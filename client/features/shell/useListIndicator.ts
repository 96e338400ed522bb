import { useTranslation } from 'react-i18next';
import { getServices } from '../../app/services';
import { useAuth } from '../../core/workspace';
import { useOnline } from '../../ui/hooks/useOnline';
import { expiredIndicatorView, type IndicatorView, listIndicatorView } from '../sync-indicator/indicatorView';
import { useTotalUnsent } from '../sync-indicator/useTotalUnsent';

/** The header indicator of pages that show no one document: the network and every unsent change. */
export function useListIndicator(): IndicatorView {
  const { t } = useTranslation();
  const isOnline = useOnline();
  const unsent = useTotalUnsent(getServices().db);
  const isExpired = useAuth().status === 'expired';
  return isExpired ? expiredIndicatorView(unsent, t) : listIndicatorView(isOnline, unsent, t);
}

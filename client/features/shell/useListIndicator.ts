import { useTranslation } from 'react-i18next';
import { useOnline } from '../../ui/hooks/useOnline';
import { useAuth, useTotalUnsent } from '../../ui/hooks/useWorkspace';
import { expiredIndicatorView, type IndicatorView, listIndicatorView } from '../sync-indicator/indicatorView';

/** The header indicator of pages that show no one document: the network and every unsent change. */
export function useListIndicator(): IndicatorView {
  const { t } = useTranslation();
  const isOnline = useOnline();
  const unsent = useTotalUnsent();
  const isExpired = useAuth().status === 'expired';
  return isExpired ? expiredIndicatorView(unsent, t) : listIndicatorView(isOnline, unsent, t);
}

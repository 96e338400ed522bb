import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

export interface DialogActionsProps {
  /** The main button's text ("保存", "创建"). */
  readonly confirmLabel: string;
  readonly onCancel: () => void;
  /** "取消" unless set (a finished dialog offers another round instead). */
  readonly cancelLabel?: string;
  /** Without it the main button submits the dialog's form. */
  readonly onConfirm?: () => void;
  readonly isDisabled?: boolean;
  /** The main button warns that the action is hard to undo. */
  readonly isDanger?: boolean;
}

/** The row at the foot of a dialog: a way out, then the main action. */
export function DialogActions(props: DialogActionsProps): ReactElement {
  const { t } = useTranslation();
  const { onConfirm } = props;
  return (
    <div className="dialog-actions">
      <button type="button" className="button" onClick={props.onCancel}>
        {props.cancelLabel ?? t('common.cancel')}
      </button>
      <button
        type={onConfirm === undefined ? 'submit' : 'button'}
        className={props.isDanger === true ? 'button is-danger' : 'button is-primary'}
        disabled={props.isDisabled}
        onClick={onConfirm}
      >
        {props.confirmLabel}
      </button>
    </div>
  );
}

import { type FormEvent, type ReactElement, type ReactNode, useState } from 'react';
import { MAX_DUTY_NOTE, MAX_EXTERNAL_POINTS } from '../../../shared/domain/dutyBook';
import { Dialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';
import { FormError } from '../../ui/FormError';
import { useBusyAction } from '../../ui/useBusyAction';
import { committeeMoment } from '../committee/committeeTime';
import { dateInputValue } from '../handling/caseModel';

/** What the dialog asks for besides its note: a date, points, evidence. */
export interface NoteDialogValues {
  readonly note: string;
  /** Noon of the chosen day in the committee's calendar; null when the dialog asks no date. */
  readonly at: number | null;
  readonly points: number;
  readonly evidence: string;
}

export interface DutyNoteDialogProps {
  readonly isOpen: boolean;
  readonly title: string;
  readonly noteLabel: string;
  readonly confirmLabel: string;
  /** The date field's label; without it the dialog asks no date. */
  readonly dateLabel?: string;
  readonly pointsLabel?: string;
  readonly evidenceLabel?: string;
  readonly isDanger?: boolean;
  /** What the note is about, above the fields. */
  readonly children?: ReactNode;
  readonly onSubmit: (values: NoteDialogValues) => Promise<void>;
  readonly onClose: () => void;
}

/**
 * The duty record's small forms, one shape: a note (退回的原因、提醒、约谈情况、更正说明), and for a
 * talk a date, for an external fact a date, points and evidence. Closes once the server took it.
 */
export function DutyNoteDialog(props: DutyNoteDialogProps): ReactElement {
  const action = useBusyAction();
  const [note, setNote] = useState('');
  const [date, setDate] = useState(() => dateInputValue(Date.now()));
  const [points, setPoints] = useState('');
  const [evidence, setEvidence] = useState('');
  const at = committeeMoment({ date, time: '12:00' });
  const pointsValue = Number(points);
  const isComplete =
    note.trim() !== '' &&
    (props.dateLabel === undefined || at !== null) &&
    (props.pointsLabel === undefined ||
      (points.trim() !== '' && Number.isFinite(pointsValue) && Math.abs(pointsValue) <= MAX_EXTERNAL_POINTS)) &&
    (props.evidenceLabel === undefined || evidence.trim() !== '');
  const close = (): void => {
    action.clearError();
    props.onClose();
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!isComplete) {
      return;
    }
    const values = { note: note.trim(), at, points: pointsValue, evidence: evidence.trim() };
    action.run(
      () => props.onSubmit(values),
      () => {
        setNote('');
        setPoints('');
        setEvidence('');
        props.onClose();
      },
    );
  };
  return (
    <Dialog isOpen={props.isOpen} onClose={close} title={props.title} className="duty-dialog">
      <form onSubmit={submit} noValidate className="duty-form">
        {props.children}
        {props.dateLabel === undefined ? null : (
          <label className="field">
            <span>{props.dateLabel}</span>
            <input type="date" value={date} required onChange={(event) => setDate(event.target.value)} />
          </label>
        )}
        {props.pointsLabel === undefined ? null : (
          <label className="field">
            <span>{props.pointsLabel}</span>
            <input
              type="number"
              inputMode="decimal"
              step="0.5"
              min={-MAX_EXTERNAL_POINTS}
              max={MAX_EXTERNAL_POINTS}
              value={points}
              required
              onChange={(event) => setPoints(event.target.value)}
            />
          </label>
        )}
        <label className="field">
          <span>{props.noteLabel}</span>
          <textarea
            rows={3}
            maxLength={MAX_DUTY_NOTE}
            value={note}
            required
            autoFocus={props.dateLabel === undefined}
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
        {props.evidenceLabel === undefined ? null : (
          <label className="field">
            <span>{props.evidenceLabel}</span>
            <input
              type="text"
              maxLength={MAX_DUTY_NOTE}
              value={evidence}
              required
              onChange={(event) => setEvidence(event.target.value)}
            />
          </label>
        )}
        <FormError message={action.error} />
        <DialogActions
          confirmLabel={props.confirmLabel}
          onCancel={close}
          isDisabled={action.isBusy || !isComplete}
          isDanger={props.isDanger}
        />
      </form>
    </Dialog>
  );
}

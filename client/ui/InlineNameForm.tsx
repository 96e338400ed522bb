import { type FormEvent, type ReactElement, type ReactNode, useState } from 'react';
import { FormError } from './FormError';
import { useBusyAction } from './useBusyAction';

export interface InlineNameFormProps {
  /** The input's id, tied to its label. */
  readonly id: string;
  readonly label: string;
  readonly placeholder: string;
  readonly maxLength: number;
  readonly submitLabel: string;
  /** Holds the button back for a reason of the page's own (offline). */
  readonly isDisabled?: boolean;
  /** Creates the thing by its trimmed name; the field empties when it resolves. */
  readonly onSubmit: (name: string) => Promise<void>;
  /** Words a failure the caller knows better than the generic text (a name already taken). */
  readonly toErrorText?: (err: unknown) => string;
  /** Notes under the form, after any failure. */
  readonly children?: ReactNode;
}

/** One name and a button on a single line that creates something (a group, an API token). */
export function InlineNameForm(props: InlineNameFormProps): ReactElement {
  const [name, setName] = useState('');
  const action = useBusyAction(props.toErrorText);
  const isEmpty = name.trim() === '';
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!isEmpty) {
      action.run(
        () => props.onSubmit(name.trim()),
        () => setName(''),
      );
    }
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={props.id}>{props.label}</label>
        <input
          id={props.id}
          value={name}
          maxLength={props.maxLength}
          placeholder={props.placeholder}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <button type="submit" className="button is-primary" disabled={action.isBusy || props.isDisabled || isEmpty}>
        {props.submitLabel}
      </button>
      <FormError message={action.error} />
      {props.children}
    </form>
  );
}

import type { ReactElement } from 'react';
import { FormError } from '../../ui/FormError';
import { AccountFields } from './AccountFields';
import type { AccountForm } from './useAccountForm';

export interface NewAccountFormProps {
  /** The form's state, from `useAccountForm`. */
  readonly form: AccountForm;
  readonly submitLabel: string;
}

/** The fields of a new account, why sending failed, and the button that sends it (setup, joining). */
export function NewAccountForm({ form, submitLabel }: NewAccountFormProps): ReactElement {
  return (
    <form className="auth-form" onSubmit={form.onSubmit} noValidate>
      <AccountFields values={form.values} onChange={form.setValues} problems={form.problems} />
      <FormError message={form.error} />
      <button type="submit" className="button is-primary is-block" disabled={form.isBusy}>
        {submitLabel}
      </button>
    </form>
  );
}

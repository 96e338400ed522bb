import type { ReactElement } from 'react';

/** An error banner whose only way on is to load the page again: what went wrong, and the button. */
export function ReloadBanner(props: { readonly message: string; readonly reloadLabel: string }): ReactElement {
  return (
    <div className="banner is-error" role="alert">
      <span>{props.message}</span>
      <button type="button" className="button is-small" onClick={() => window.location.reload()}>
        {props.reloadLabel}
      </button>
    </div>
  );
}

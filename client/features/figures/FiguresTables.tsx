import type { ReactElement } from 'react';
import type { ReportTable } from '../../core/export';

/** The report's tables under the charts, each scrolling sideways on a phone rather than squeezing its columns. */
export function FiguresTables({ tables }: { readonly tables: readonly ReportTable[] }): ReactElement {
  return (
    <div className="figures-tables">
      {tables.map((table) => (
        <section key={table.title} className="card figures-table" aria-label={table.title}>
          <h2>{table.title}</h2>
          {/* Focusable, so that a keyboard can scroll a table wider than a phone (WCAG 2.1.1). */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard. */}
          <div className="table-scroll" tabIndex={0}>
            <table className="data-table">
              <thead>
                <tr>
                  {table.header.map((cell, index) => (
                    <th key={cell} scope="col" className={index === 0 ? undefined : 'is-number'}>
                      {cell}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, rowIndex) => (
                  // Rows have no id of their own; a table is redrawn whole when the figures change.
                  // biome-ignore lint/suspicious/noArrayIndexKey: the rows of a report are positional and never reordered in place.
                  <tr key={rowIndex}>
                    {row.map((cell, index) =>
                      index === 0 ? (
                        <th key={String(index)} scope="row">
                          {cell}
                        </th>
                      ) : (
                        <td key={String(index)} className="is-number">
                          {cell ?? ''}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}

// A data table that becomes a stack of cards on a phone (style.css, `table.cards-on-phone`): every body cell carries
// its column's name in data-label, which the stylesheet shows before the value below 40rem (390 px phones). Column
// heads are th scope="col", a row's naming cell may be th scope="row", and the caption names the table for screen
// readers (WCAG 2.1 SC 1.3.1), so each page need not write the pattern out by hand.

/** A body cell: plain text (escaped here), or markup already escaped by its own elements. */
export interface CardCell {
  text?: string;
  html?: JSX.Element;
  /** A th scope="row": the cell that names its row. */
  header?: boolean;
  class?: string;
}

/** A column head with a class of its own (e.g. "num" to right-align it over its numbers). */
export interface CardHead {
  text: string;
  class?: string;
}

export interface CardsTableProps<T> {
  /** Column names, in order: the thead's th scope="col" and each cell's data-label. */
  heads: readonly (string | CardHead)[];
  rows: readonly T[];
  /** The cells of one row, in the order of `heads`; a string is a plain text cell. */
  cells: (row: T) => readonly (string | CardCell)[];
  caption?: string;
  /** The caption is for screen readers only (the page's heading already names the table). */
  captionHidden?: boolean;
  /** A class on a shown caption (e.g. muted, when the table is a detail under a heading). */
  captionClass?: string;
  /** More classes on the table besides cards-on-phone. */
  class?: string;
  /** The row's id and class (e.g. row-overdue). */
  rowAttrs?: (row: T) => { id?: string | undefined; class?: string | undefined };
}

function Cell({ label, cell }: { label: string | undefined; cell: string | CardCell }): JSX.Element {
  const c: CardCell = typeof cell === 'string' ? { text: cell } : cell;
  // Markup cells are built by the caller's own elements, which escape their text (`safe`): taken as they are.
  const safeHtml = c.html;
  if (c.header) {
    return safeHtml === undefined ? (
      <th scope="row" data-label={label} class={c.class} safe>
        {c.text ?? ''}
      </th>
    ) : (
      <th scope="row" data-label={label} class={c.class}>
        {safeHtml}
      </th>
    );
  }
  return safeHtml === undefined ? (
    <td data-label={label} class={c.class} safe>
      {c.text ?? ''}
    </td>
  ) : (
    <td data-label={label} class={c.class}>
      {safeHtml}
    </td>
  );
}

export function CardsTable<T>(p: CardsTableProps<T>): JSX.Element {
  const heads = p.heads.map((h): CardHead => (typeof h === 'string' ? { text: h } : h));
  const caption =
    p.caption === undefined ? (
      ''
    ) : (
      <caption class={p.captionHidden ? 'visually-hidden' : p.captionClass} safe>
        {p.caption}
      </caption>
    );
  return (
    <table class={p.class ? `cards-on-phone ${p.class}` : 'cards-on-phone'}>
      {caption}
      <thead>
        <tr>
          {heads.map((h) => (
            <th scope="col" class={h.class} safe>
              {h.text}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {p.rows.map((row) => {
          const attrs = p.rowAttrs?.(row) ?? {};
          return (
            <tr id={attrs.id} class={attrs.class}>
              {p.cells(row).map((cell, i) => (
                <Cell label={heads[i]?.text} cell={cell} />
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

let counter = 0;

/** A stable React key for a new row, so typing in one row never moves focus to another. */
export function newRowKey(): string {
  counter += 1;
  return `rij-${counter}`;
}

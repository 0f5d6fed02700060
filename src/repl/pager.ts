/**
 * A long answer on a terminal: the first page now, the rest on `/more`, so 50 lookalike rows
 * or a full brief never scroll the question off the screen.
 */
export class Pager {
  private rest: string[] = [];

  constructor(
    private readonly pageSize: () => number,
    private readonly write: (text: string) => void,
    private readonly moreLine: (remaining: number) => string,
  ) {}

  show(text: string): void {
    this.rest = text.split('\n');
    this.more();
  }

  /** Print the next page; false when there was nothing left. */
  more(): boolean {
    if (this.rest.length === 0) return false;
    const size = this.pageSize();
    // A page and a couple of lines more is shown whole: "1 more line" is not worth a command.
    const page = this.rest.length <= size + 2 ? this.rest : this.rest.slice(0, size);
    this.rest = this.rest.slice(page.length);
    this.write(page.join('\n'));
    if (this.rest.length) this.write(this.moreLine(this.rest.length));
    return true;
  }
}

// One line of the printed table.

export interface Figure {
  /** Which bench (e.g. "1 download"). */
  section: string;
  /** What is measured. */
  name: string;
  /** The measured value, formatted. */
  value: string;
  /** The goal, if there is one (e.g. ">= 0.95x"). */
  goal?: string;
  /** Whether the goal was met (undefined: no goal, or could not be judged). */
  met?: boolean;
  /** What it compares and how many rounds. */
  basis: string;
}

/**
 * What a judge may see of a segment: its label texts, nothing else — no profile numbers, no
 * centroids, no assignments. The type is the fence: a judge function receives these and the
 * member's description, so it cannot consult the clustering even by accident.
 */
export interface LabelText {
  id: number;
  name: string;
  /** Empty when the judge is to read the names alone. */
  summary: string;
  /** The persona's evidence lines: the facts the label rests on, as the brief shows them. */
  evidence?: string[];
}

/** An offline judge: the label texts and one member's description in, a segment id out. */
export type OfflineJudge = (labels: readonly LabelText[], member: string) => number;

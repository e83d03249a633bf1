// Grade badges are coloured by rank (0 best … 3 worst), so any set of grade names works.
import type { App } from '../app.js';

export function gradeRank(app: App, grade: string | null): number {
  const grades = app.state.result?.ruleset?.grades ?? [];
  const i = grade === null ? -1 : grades.indexOf(grade);
  return i < 0 ? 9 : Math.round((i / Math.max(grades.length - 1, 1)) * 3);
}

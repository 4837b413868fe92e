import type { ConfigProblem } from '../config/references.js';

/** "3 problems" / "1 problem". */
export function countProblems(count: number): string {
  return `${count} problem${count === 1 ? '' : 's'}`;
}

/**
 * A file's problems as the command line shows them, one a line, each with its JSON path:
 *   configs/bad.json is not a valid scenario (2 problems):
 *     months: Too small: expected number to be >=1; found -3
 *     vendors[0].computeClouds[0]: unknown cloud "azrue"; known clouds: azure, aws, gcp, oracle
 */
export function formatProblems(file: string, problems: readonly ConfigProblem[]): string {
  const lines = problems.map((p) => `  ${p.path}: ${oneLine(p.message)}`);
  return `${file} is not a valid scenario (${countProblems(problems.length)}):\n${lines.join('\n')}\n`;
}

/** Messages are shown one a line; a stray newline in one would break that. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

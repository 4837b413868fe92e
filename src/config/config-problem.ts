/** A problem found in a config, where it is and what is wrong: the rules' common answer. */
export interface ConfigProblem {
  /** JSON path of the offending value, e.g. "vendors[2].computeClouds[0]". */
  readonly path: string;
  readonly message: string;
}

/**
 * Bounds on what a task is worth, apart from the population that uses them so that the config
 * schema can check a config against them without importing the agents (an import cycle).
 */

/**
 * The most a task can be worth, as a multiple of its value done by the best model at an ordinary
 * fit: a model that fits the work unusually well, or whose brand and placement appeal, saturates
 * towards it (`boundedValue`). With the integration cost at least MIN_INTEGRATION_COST_SHARE of a
 * task's value, no adopter's ROI can exceed 2 / 0.2 − 1 = 9, IDC's best (the top 5 % of 2024's
 * respondents, $10.3 back per $1), whatever a config's spreads.
 */
export const MAX_VALUE_MULTIPLE = 2;
export const MIN_INTEGRATION_COST_SHARE = 0.2;

import { configOrExit, readEnv, readSubgraphConfig, setting } from '@hub/schema';

/** How many months a vacancy must have been idle to be listed by default (README, "Dynamic management (动态管理)"). */
export const DEFAULT_IDLE_VACANCY_MONTHS = 12;
/** How many months a hiring approval stays valid, and after how many an unused one is listed (README, "Hiring against quota"). */
export const DEFAULT_HIRING_APPROVAL_MONTHS = 6;
/** Above which vacancy share (percent of the approved quota) an institution's light turns yellow (README, "Statistics"). */
export const DEFAULT_VACANCY_LIGHT_PERCENT = 20;

/**
 * Settings of the office's own rules, read once: IDLE_VACANCY_MONTHS (whole months, default 12),
 * HIRING_APPROVAL_MONTHS (whole months, default 6) and VACANCY_LIGHT_PERCENT (default 20: the yellow light's vacancy share). They have no side effects, so the resolvers import
 * them wherever the subgraph runs (alone or in the launcher); a bad value stops the process with its
 * message, as every setting does.
 */
export const rules = configOrExit(() =>
  readEnv(
    {
      IDLE_VACANCY_MONTHS: setting.count(DEFAULT_IDLE_VACANCY_MONTHS),
      HIRING_APPROVAL_MONTHS: setting.count(DEFAULT_HIRING_APPROVAL_MONTHS),
      VACANCY_LIGHT_PERCENT: setting.count(DEFAULT_VACANCY_LIGHT_PERCENT),
    },
    process.env,
  ),
);

/**
 * The server's environment, read when index.ts starts the subgraph alone: STAFFING_PORT (or PORT), HOST,
 * STAFFING_DATABASE_URL (or DATABASE_URL), DATA_DIR, SUBGRAPH_SECRET (README, "Running as separate services"). A function, because reading it may create the development
 * key under DATA_DIR, which importing the resolvers must not do.
 */
export const readConfig = () => configOrExit(() => readSubgraphConfig('staffing', process.env));

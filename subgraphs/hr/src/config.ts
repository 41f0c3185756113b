import { configOrExit, readEnv, readSubgraphConfig, setting } from '@hub/schema';

/**
 * The server's environment, read when index.ts starts the subgraph alone: HR_PORT (or PORT), HOST,
 * HR_DATABASE_URL (or DATABASE_URL), DATA_DIR, SUBGRAPH_SECRET (README, "Running as separate services").
 * A function, because reading it may create the development key under DATA_DIR, which importing the
 * resolvers (they read `rules` below) must not do.
 */
export const readConfig = () => configOrExit(() => readSubgraphConfig('hr', process.env));

/** Above which share (percent) of staff over 50 a scope or institution is flagged as ageing. */
export const DEFAULT_AGEING_ALERT_PERCENT = 30;
/** Above which share (percent) of out-of-quota staff among all staff it is flagged (60% is 1.5 out-of-quota per in-quota person). */
export const DEFAULT_OUT_OF_QUOTA_ALERT_PERCENT = 60;
/** Institutions with fewer staff than this get no share alert of their own (a unit of three is not "ageing" for one retiree). */
export const DEFAULT_ALERT_MIN_STAFF = 5;

/**
 * The thresholds of HR's structure alerts (README, "Statistics"), read once: AGEING_ALERT_PERCENT,
 * OUT_OF_QUOTA_ALERT_PERCENT and ALERT_MIN_STAFF, whole numbers; a bad value stops the process with its message.
 */
export const rules = configOrExit(() =>
  readEnv(
    {
      AGEING_ALERT_PERCENT: setting.count(DEFAULT_AGEING_ALERT_PERCENT),
      OUT_OF_QUOTA_ALERT_PERCENT: setting.count(DEFAULT_OUT_OF_QUOTA_ALERT_PERCENT),
      ALERT_MIN_STAFF: setting.count(DEFAULT_ALERT_MIN_STAFF),
    },
    process.env,
  ),
);

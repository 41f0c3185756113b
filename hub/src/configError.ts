/** A launcher setting the user got wrong: the message names the variable and says what it expects, in both languages. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly variable: string,
    messageZh: string,
    messageEn: string,
  ) {
    super(`${variable}: ${messageZh} / ${messageEn}`);
  }
}

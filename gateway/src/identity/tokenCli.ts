import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import { config } from '../config.ts';
import { OFFICES, ROLES } from '@hub/schema';
import { createTokenService, refuseToken } from './tokens.ts';

/** `pnpm token --office staffing --role OPERATOR [--unit CODE] [--sub NAME] [--ttl 8h]`: a bearer token for local use, living at most TOKEN_MAX_LIFETIME (12 h). */
const usage = `用法 / usage: pnpm run token --office <${OFFICES.join('|')}> --role <${ROLES.join('|')}> [--unit 统一社会信用代码] [--sub 名称] [--ttl 8h]`;
try {
  const { values } = parseArgs({
    options: {
      office: { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
    },
  });
  if (!values.office || !values.role) throw refuseToken('TOKEN_INVALID', '须给出 --office 与 --role', '--office and --role are required');
  const tokens = createTokenService(config.jwtSecret(), config.tokens);
  const token = await tokens.sign(
    { office: values.office as never, role: values.role as never, sub: values.sub ?? `${values.office}-${values.role.toLowerCase()}`, unit: values.unit },
    values.ttl,
  );
  console.log(token);
} catch (error) {
  console.error(error instanceof GraphQLError || error instanceof TypeError ? error.message : error);
  console.error(usage);
  process.exit(2);
}

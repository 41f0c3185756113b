import type { GraphQLErrorShape } from './graphql.ts';
import { h } from './h.ts';

/** The API's own messages (Chinese / English, as the office wrote them) with their codes, for the viewer to read. */
export function errorList(errors: GraphQLErrorShape[] | undefined): HTMLElement {
  const list = h('ul', { class: 'errors', role: 'alert', 'data-testid': 'errors' });
  for (const error of errors ?? []) {
    list.append(h('li', {}, error.message, error.extensions?.code ? h('code', {}, ` ${error.extensions.code}`) : null));
  }
  return list;
}

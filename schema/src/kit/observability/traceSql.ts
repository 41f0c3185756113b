import type { PGlite, Transaction } from '@electric-sql/pglite';
import { type Attributes, SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import type { Sql } from 'postgres';

/** A statement's span: named by its SQL verb, the text as drizzle wrote it (placeholders, never the values). */
function statementSpan(tracer: Tracer, namespace: string, text: string) {
  const verb = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? 'SQL';
  const attributes: Attributes = {
    'db.system.name': 'postgresql',
    'db.namespace': namespace,
    'db.operation.name': verb,
    'db.query.text': text.length > 2000 ? `${text.slice(0, 2000)}…` : text,
  };
  const span = tracer.startSpan(`${verb} ${namespace}`, { kind: SpanKind.CLIENT, attributes });
  let ended = false;
  return (error?: unknown) => {
    if (ended) return;
    ended = true;
    if (error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: (error as { code?: string }).code ?? 'query failed' });
    span.end();
  };
}

/** PGlite with a span around every statement drizzle sends, inside transactions too. */
export function tracePglite(client: PGlite, tracer: Tracer, namespace: string): PGlite {
  const traced = <T extends PGlite | Transaction>(target: T): T =>
    new Proxy(target, {
      get(object, key) {
        if (key === 'query')
          return async (text: string, ...rest: unknown[]) => {
            const end = statementSpan(tracer, namespace, text);
            try {
              const result = await (object.query as (...args: unknown[]) => Promise<unknown>)(text, ...rest);
              end();
              return result;
            } catch (error) {
              end(error);
              throw error;
            }
          };
        if (key === 'transaction' && 'transaction' in object)
          return (run: (tx: Transaction) => Promise<unknown>) => (object as PGlite).transaction((tx) => run(traced(tx)));
        const value = Reflect.get(object, key, object);
        return typeof value === 'function' ? value.bind(object) : value;
      },
    });
  return traced(client);
}

/**
 * postgres.js with a span around every statement drizzle sends (`unsafe`, in transactions and
 * savepoints too). A postgres.js query runs when it is awaited: its span ends when it settles.
 */
export function tracePostgres(client: Sql, tracer: Tracer, namespace: string): Sql {
  // biome-ignore lint/suspicious/noExplicitAny: postgres.js's sql functions, whose methods are replaced in place
  const instrument = (sql: any): any => {
    const unsafe = sql.unsafe;
    sql.unsafe = (text: string, ...rest: unknown[]) => {
      const query = unsafe.call(sql, text, ...rest);
      const end = statementSpan(tracer, namespace, text);
      const then = query.then;
      // biome-ignore lint/suspicious/noThenProperty: the query is a thenable already; its own then, wrapped, ends the span when it settles
      query.then = function (this: unknown, resolved?: (value: unknown) => unknown, rejected?: (error: unknown) => unknown) {
        return then.call(
          this,
          (value: unknown) => {
            end();
            return resolved ? resolved(value) : value;
          },
          (error: unknown) => {
            end(error);
            if (rejected) return rejected(error);
            throw error;
          },
        );
      };
      return query;
    };
    for (const scope of ['begin', 'savepoint'] as const) {
      const open = sql[scope];
      if (typeof open !== 'function') continue;
      sql[scope] = (...args: unknown[]) => {
        const run = args.pop() as (tx: unknown) => unknown;
        return open.call(sql, ...args, (tx: unknown) => run(instrument(tx)));
      };
    }
    return sql;
  };
  return instrument(client);
}

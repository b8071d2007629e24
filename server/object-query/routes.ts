import type { Hono } from 'hono';
import { requirePermission, type AppContext, type AppEnv } from '../context.ts';
import type { ObjectDef } from './fields.ts';
import { parseQuery, type QueryParams } from './grammar.ts';
import { OBJECTS } from './objects.ts';
import { listObjects, objectByKey } from './query.ts';

// GET /object-query/<object> and /object-query/<object>/{key} (docs/zuora/tenant-read-contract.md A2) for
// every object of objects.ts: one engine, six vocabularies.

export function registerObjectQueryRoutes(app: Hono<AppEnv>): void {
  for (const [path, obj] of Object.entries(OBJECTS)) {
    app.get(`/object-query/${path}`, async (c) => {
      requirePermission(c, 'memo.view');
      return c.json(await listObjects(c.get('db'), obj, parse(c, obj)));
    });
    app.get(`/object-query/${path}/:key`, async (c) => {
      requirePermission(c, 'memo.view');
      return c.json(await objectByKey(c.get('db'), obj, parse(c, obj), c.req.param('key')));
    });
  }
}

function parse(c: AppContext, obj: ObjectDef) {
  const params: QueryParams = {
    one: (name) => c.req.query(name),
    all: (name) => c.req.queries(name) ?? [],
    names: () => Object.keys(c.req.queries()),
  };
  return parseQuery(obj, params);
}

// Checks for the interface's OpenAPI document: the document itself against the OpenAPI 3.1
// schema (@seriousme/openapi-schema-validator, an ES module, so it runs in a child Node process),
// and response bodies against its components.schemas (ajv's JSON Schema 2020-12 validator).
import { execFile } from 'node:child_process';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';

export type OpenApiDocument = { openapi: string; components: { schemas: Record<string, unknown> }; paths: Record<string, unknown> } & Record<string, unknown>;

/** The maintained validator's verdict on the whole document. */
export function validateOpenApiDocument(doc: unknown): Promise<{ valid: boolean; errors?: unknown; version?: string }> {
  const script = `
    import { Validator } from '@seriousme/openapi-schema-validator';
    let text = '';
    process.stdin.on('data', (c) => (text += c));
    process.stdin.on('end', async () => {
      const v = new Validator();
      const r = await v.validate(JSON.parse(text));
      process.stdout.write(JSON.stringify({ valid: r.valid, errors: r.errors, version: v.version }));
    });`;
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd(), timeout: 30_000 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`${err.message}\n${stderr}`));
      resolve(JSON.parse(stdout));
    });
    child.stdin!.end(JSON.stringify(doc));
  });
}

/** A checker of bodies against components.schemas.X of the document. */
export function schemaChecker(doc: OpenApiDocument): (name: string, body: unknown) => string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'https://cims.invalid/openapi.json', components: doc.components }, 'openapi');
  const cache = new Map<string, ValidateFunction>();
  return (name, body) => {
    if (!(name in doc.components.schemas)) return [`no schema ${name} in components.schemas`];
    let validate = cache.get(name);
    if (!validate) {
      validate = ajv.compile({ $ref: `https://cims.invalid/openapi.json#/components/schemas/${name}` });
      cache.set(name, validate);
    }
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  };
}

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { modelConstraints } from '../../../../infra/local/events/model-constraints.js';

function botocoreModelPath(): string | undefined {
  try {
    const dir = execFileSync(
      'python3',
      ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'],
      {
        encoding: 'utf8',
      },
    ).trim();
    const base = join(dir, 'data', 'events', '2015-10-07', 'service-2.json');
    return [base, `${base}.gz`].find((path) => existsSync(path));
  } catch {
    return undefined;
  }
}

const modelPath = botocoreModelPath();
if (modelPath === undefined) console.warn('botocore is not installed: skipping the model-constraint check');

describe.skipIf(modelPath === undefined)('modelConstraints', () => {
  it('equals the constraints of the botocore EventBridge model', () => {
    const raw = readFileSync(modelPath ?? '');
    const text = modelPath?.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
    const shapes = (JSON.parse(text) as { shapes: Record<string, Record<string, unknown>> }).shapes;
    for (const [name, constraint] of Object.entries(modelConstraints)) {
      const shape = shapes[name] ?? {};
      const fromModel = Object.fromEntries(
        (['min', 'max', 'pattern', 'enum'] as const).flatMap((key) =>
          key in shape ? [[key, shape[key]]] : [],
        ),
      );
      expect({ name, ...constraint }).toEqual({ name, ...fromModel });
    }
  });
});

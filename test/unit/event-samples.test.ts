import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BillProductionMessage, TimeExportMessage, ToAccountingMessage, ToPracticeMessage } from '../../events/messages.ts';

const dir = join(import.meta.dirname, '../../events/samples');

describe('sample events', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  it('cover every message type', () => {
    const types = [...ToAccountingMessage.options, ...ToPracticeMessage.options, ...TimeExportMessage.options, ...BillProductionMessage.options].map((o) => o.shape.type.value).sort();
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(types);
  });
  it.each(files)('%s parses with its queue schema', (file) => {
    const sample = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const schema = sample.type === 'practice.time_export.plan'
      ? TimeExportMessage
      : sample.type.startsWith('accounting.production.')
        ? BillProductionMessage
        : sample.type.startsWith('practice.') ? ToAccountingMessage : ToPracticeMessage;
    expect(schema.parse(sample)).toEqual(sample);
  });
});

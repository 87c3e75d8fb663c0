import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every stored record is declared once, in its entity module: no key string,
 * index attribute or DynamoDB expression appears anywhere else, and only
 * entity modules (and lib/aws) reach a table. This test reads the sources and
 * names every line that breaks the rule.
 */
const root = join(import.meta.dirname, '../..');

const sources = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** Where storage may be spelled: the AWS adapters, entity modules, and the declaration of the tables themselves. */
const mayTouchStorage = (file: string) =>
  file.startsWith('lib/aws/') || file.includes('/entities/') || file.endsWith('.entity.ts') || file === 'lib/declaration.ts';

const rules: { name: string; pattern: RegExp }[] = [
  { name: 'a key string', pattern: /['"`][A-Z][A-Z_]*#/ },
  { name: 'an index or key attribute', pattern: /\b(gsi\d(pk|sk)|pendingPk|pendingSk)\b|\b(pk|sk)\s*:/ },
  {
    name: 'a DynamoDB expression or table name',
    pattern: /\b(ConditionExpression|UpdateExpression|KeyConditionExpression|ExpressionAttributeNames|ExpressionAttributeValues|ProjectionExpression|FilterExpression)\b|\bTableName\s*:/,
  },
  { name: 'a table singleton or DynamoDB client', pattern: /\b(practiceTable|accountingTable|practiceStore|accountingStore|BookStore)\b|aws\/dynamodb\.ts|@aws-sdk\/(lib|client)-dynamodb/ },
];

function violations(files: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    if (mayTouchStorage(file)) continue;
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/^\s*(\/\/|\*|\/\*)/.test(line)) return; // comments may speak of keys
        for (const rule of rules) if (rule.pattern.test(line)) found.push(`${file}:${i + 1} has ${rule.name}: ${line.trim()}`);
      });
  }
  return found;
}

describe('every stored record is declared once', () => {
  it('no use case, handler or rule spells a key, an index attribute or an expression, or reaches a table itself', () => {
    const files = [...sources('lib'), ...sources('functions')].map((f) => relative(root, join(root, f)));
    expect(violations(files)).toEqual([]);
  });

  it('the check finds what it looks for', () => {
    // A file outside the entity modules with each kind of breach, so a rule that stopped matching fails here.
    const probe = 'lib/practice/probe.ts';
    const lines = [
      "const sk = `ENTRY#${id}`;",
      'const item = { gsi3pk: index };',
      "const update = { TableName: table, ConditionExpression: 'version = :v' };",
      "import { practiceTable } from './entities/book.ts';",
    ];
    const found = lines.flatMap((line) => rules.filter((r) => r.pattern.test(line)).map((r) => `${probe}: ${r.name}`));
    expect(found).toEqual([
      `${probe}: a key string`,
      `${probe}: an index or key attribute`,
      `${probe}: a DynamoDB expression or table name`,
      `${probe}: a table singleton or DynamoDB client`,
    ]);
    expect(mayTouchStorage('lib/practice/entities/time-entry.entity.ts')).toBe(true);
    expect(mayTouchStorage(probe)).toBe(false);
  });
});

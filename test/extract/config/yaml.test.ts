import { describe, expect, it } from 'vitest';
import { factsOf } from '../../../src/core/facts.js';
import { extractYaml } from '../../../src/extract/config/yaml.js';

describe('extractYaml', () => {
  it('reads run: scripts as shell, with positions in the YAML file', async () => {
    const text = [
      'jobs:',
      '  copy:',
      '    steps:',
      '      - run: |',
      '          # make the copy',
      '          curl -X POST "https://console.neon.tech/api/v2/projects" \\',
      `            -d '{"project": {"settings": {"hipaa": false}}}'`,
      '      - run: neonctl projects create --name copy',
    ].join('\n');
    const facts = await extractYaml('ci.yml', text);
    expect(factsOf(facts, 'project-request').map((r) => [r.hipaa, r.span.line, r.span.column])).toEqual([
      ['false', 7, 44],
      ['missing', 8, 14],
    ]);
    expect(factsOf(facts, 'code-comment').map((c) => [c.text, c.span.line])).toEqual([['make the copy', 5]]);
  });

  it('reads postgres options of a docker-compose command, in list and string form', async () => {
    const text = [
      'services:',
      '  db:',
      '    command: ["postgres", "-c", "log_statement=all", "-c", "idle_session_timeout=15min"]',
      '  replica:',
      '    command: postgres -c log_min_duration_statement=0',
      '  minio:',
      '    command: server /data --console-address ":9001"',
    ].join('\n');
    const settings = factsOf(await extractYaml('docker-compose.yml', text), 'setting');
    expect(settings.map((s) => [s.key, s.value, s.span.line, s.span.column])).toEqual([
      ['log_statement', 'all', 3, 33],
      ['idle_session_timeout', '15min', 3, 60],
      ['log_min_duration_statement', '0', 5, 14],
    ]);
  });

  it('takes # inside scalars as text, not comments', async () => {
    const text = ['# top', 'name: "Bed #4"', 'note: |', '  room # 12', 'key: value # trailing'].join('\n');
    const comments = factsOf(await extractYaml('a.yml', text), 'code-comment');
    expect(comments.map((c) => [c.text, c.span.line])).toEqual([
      ['top', 1],
      ['trailing', 5],
    ]);
  });

  it('reads Spring session timeouts in nested and dotted form', async () => {
    const nested = await extractYaml('application.yml', 'server:\n  servlet:\n    session:\n      timeout: 20m\n');
    expect(factsOf(nested, 'setting')).toMatchObject([{ key: 'session.idle', seconds: 1200, scope: 'spring', span: { line: 4 } }]);
    const dotted = await extractYaml('application.yml', 'server.servlet.session.timeout: 3600\n');
    expect(factsOf(dotted, 'setting')[0]?.seconds).toBe(3600);
  });

  it('reports invalid YAML as a parse problem and still reads comments', async () => {
    const facts = await extractYaml('bad.yml', '# note\nkey: [unclosed\n');
    expect(factsOf(facts, 'parse-problem')).toHaveLength(1);
    expect(factsOf(facts, 'code-comment')).toHaveLength(1);
  });
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicOutput } from '../../src/fix/files.js';
import { openFixWriter } from '../../src/fix/writer.js';
import { liveTemps, removeLiveTemps } from '../../src/shared/temp-files.js';
import { writeFileAtomic } from '../../src/cli/output.js';
import { tempDir } from '../support/cli.js';

// The list of temp files not yet in place is what a signal handler removes: every writer puts its
// temp file on it while it writes and takes it off once the file is renamed or removed.

describe('temp files not yet in place (src/shared/temp-files.ts)', () => {
  const dir = tempDir();

  it('a fix list is listed while it is written, and not after commit or abort', async () => {
    const committed = openFixWriter(join(dir, 'a.csv'));
    const aborted = openFixWriter(join(dir, 'b.jsonl'));
    expect(liveTemps()).toHaveLength(2);
    for (const temp of liveTemps()) expect(existsSync(temp)).toBe(true);
    await committed.commit();
    await aborted.abort();
    expect(liveTemps()).toEqual([]);
    expect(existsSync(join(dir, 'a.csv'))).toBe(true);
  });

  it('removeLiveTemps removes what an unfinished writer left, and forgets it', async () => {
    const writer = openFixWriter(join(dir, 'c.csv'));
    const output = new AtomicOutput(join(dir, 'd.csv'), false);
    await output.write(Buffer.from('x\n'));
    const temps = liveTemps();
    expect(temps).toHaveLength(2);
    removeLiveTemps();
    expect(liveTemps()).toEqual([]);
    for (const temp of temps) expect(existsSync(temp)).toBe(false);
    expect(writer.count).toBe(0);
    await output.abort();
  });

  it('an atomic write leaves nothing listed, whether it succeeds or fails', () => {
    writeFileAtomic(join(dir, 'report.json'), '{}');
    expect(() => writeFileAtomic(join(dir, 'no-such-dir', 'report.json'), '{}')).toThrow();
    expect(liveTemps()).toEqual([]);
  });
});

// Which packs a command uses (src/pack/config.ts): --pack, else the directory's dqc.config.*, else
// vn-population. Only the directory itself is looked at.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfig, packRefs } from '../../src/pack/config.js';
import { tempDir } from '../support/cli.js';

describe('packRefs', () => {
  it('uses --pack when given, whatever the directory holds', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dqc.config.json'), '{}');
    expect(packRefs(['my.yaml', 'vn-population'], dir)).toEqual(['my.yaml', 'vn-population']);
  });

  it('falls back to vn-population in a directory without a config', () => {
    expect(packRefs(undefined, tempDir())).toEqual(['vn-population']);
    expect(packRefs([], tempDir())).toEqual(['vn-population']);
  });

  it('finds dqc.config.json before dqc.config.yaml before dqc.config.yml', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dqc.config.yml'), '');
    expect(findConfig(dir)).toBe(join(dir, 'dqc.config.yml'));
    writeFileSync(join(dir, 'dqc.config.yaml'), '');
    expect(findConfig(dir)).toBe(join(dir, 'dqc.config.yaml'));
    writeFileSync(join(dir, 'dqc.config.json'), '');
    expect(packRefs(undefined, dir)).toEqual([join(dir, 'dqc.config.json')]);
  });

  it("does not look in parent directories", () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dqc.config.json'), '{}');
    const child = join(dir, 'exports');
    mkdirSync(child);
    expect(findConfig(child)).toBeNull();
  });
});
